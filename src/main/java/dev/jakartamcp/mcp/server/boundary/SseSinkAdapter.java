package dev.jakartamcp.mcp.server.boundary;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes events to a JAX-RS {@link SseEventSink}, blocking: only {@link SseConnection}'s writer calls it. */
final class SseSinkAdapter implements EventWriter {

    private static final Logger LOG = Logger.getLogger(SseSinkAdapter.class.getName());
    private static final long WRITE_TIMEOUT_SECONDS = 30;

    private final SseEventSink sink;
    private final Sse sse;
    private final HttpServletResponse http;

    SseSinkAdapter(SseEventSink sink, Sse sse, HttpServletResponse http) {
        this.sink = sink;
        this.sse = sse;
        this.http = http;
    }

    @Override
    public boolean send(String id, String data) {
        if (sink.isClosed()) {
            return false;
        }
        // an interrupt meant for a tool must not lose an event; writers are never interrupted on purpose
        boolean interrupted = Thread.interrupted();
        try {
            sink.send(sse.newEventBuilder().id(id).data(data).build()).toCompletableFuture()
                    .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            interrupted = true;
            return false;
        } catch (Exception e) {
            LOG.log(Level.FINE, "SSE client left", e);
            close();
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean comment(String text) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            sink.send(sse.newEventBuilder().comment(text).build()).toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.log(Level.FINE, "SSE client left", e);
            close();
            return false;
        }
    }

    /**
     * A priming event has an id and an empty data line. Jersey's event writer emits no data line for
     * empty data, and an SSE event without one is never dispatched, so this one event is written
     * directly, on the request thread before the resource method returns, so before the JAX-RS
     * runtime writes anything on the connection.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    boolean sendPriming(String id, long retryMillis) {
        String event = "id: " + id + "\nretry: " + retryMillis + "\ndata:\n\n";
        try {
            http.setContentType(MediaType.SERVER_SENT_EVENTS);
            var out = http.getOutputStream();
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "SSE client left before the priming event", e);
            close();
            return false;
        }
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing an SSE stream", e);
        }
    }
}
