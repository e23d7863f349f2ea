package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.server.control.EventSink;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** An {@link EventSink} over a JAX-RS {@link SseEventSink}. */
final class SseSinkAdapter implements EventSink {

    private static final Logger LOG = Logger.getLogger(SseSinkAdapter.class.getName());

    private final SseEventSink sink;
    private final Sse sse;
    private final HttpServletResponse http;

    SseSinkAdapter(SseEventSink sink, Sse sse, HttpServletResponse http) {
        this.sink = sink;
        this.sse = sse;
        this.http = http;
    }

    @Override
    public boolean send(String id, String data, Long retryMillis) {
        if (sink.isClosed()) {
            return false;
        }
        if (data.isEmpty()) {
            return sendPriming(id, retryMillis);
        }
        var event = sse.newEventBuilder().id(id).data(data);
        if (retryMillis != null) {
            event.reconnectDelay(retryMillis);
        }
        // an interrupt meant for the tool (a cancel, a fault-tolerance timeout) must not lose the event
        boolean interrupted = Thread.interrupted();
        try {
            sink.send(event.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
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

    /**
     * A priming event has an id and an empty data line. Jersey's event writer emits no data line for
     * empty data, and an SSE event without one is never dispatched, so this one event is written
     * directly, before Jersey writes anything on the connection.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    private boolean sendPriming(String id, Long retryMillis) {
        StringBuilder event = new StringBuilder("id: ").append(id).append('\n');
        if (retryMillis != null) {
            event.append("retry: ").append(retryMillis).append('\n');
        }
        event.append("data:\n\n");
        try {
            http.setContentType(MediaType.SERVER_SENT_EVENTS);
            var out = http.getOutputStream();
            out.write(event.toString().getBytes(StandardCharsets.UTF_8));
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
