package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpSession;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SSE stream that answers one POSTed request: notifications about the request first, then its
 * response, then the stream closes.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
 */
final class SseRequestStream implements CallContext {

    private static final Logger LOG = Logger.getLogger(SseRequestStream.class.getName());

    private final SseEventSink sink;
    private final Sse sse;
    private final McpSession session;
    private final String streamId;
    private final AtomicLong sequence = new AtomicLong();

    SseRequestStream(SseEventSink sink, Sse sse, McpSession session, String streamId) {
        this.sink = sink;
        this.sse = sse;
        this.session = session;
        this.streamId = streamId;
    }

    @Override
    public McpSession session() {
        return session;
    }

    @Override
    public void notify(String method, JsonObject params) {
        send(new JsonRpcMessage.Notification(method, params));
    }

    @Override
    public boolean isCancelled() {
        return sink.isClosed();
    }

    /**
     * Each event carries an id, unique within the session, that names its stream (streamId/sequence),
     * so a later revision can resume it.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
     */
    synchronized void send(JsonRpcMessage message) {
        if (sink.isClosed()) {
            return;
        }
        String data = JsonCodec.write(JsonRpcCodec.encode(message));
        sink.send(sse.newEventBuilder()
                .id(streamId + "/" + sequence.incrementAndGet())
                .name("message")
                .data(data)
                .build())
            .exceptionally(e -> {
                LOG.log(Level.FINE, "client left the SSE stream " + streamId, e);
                return null;
            });
    }

    void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing SSE stream " + streamId, e);
        }
    }
}
