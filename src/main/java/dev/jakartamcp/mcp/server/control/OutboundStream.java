package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;

/**
 * One logical SSE stream of a session: the stream answering a POSTed request, or the standalone GET
 * stream. Every message is numbered and buffered before it is written, so it survives a dropped
 * connection: the client resumes with GET and Last-Event-ID, and the stream goes on over the new
 * connection. A dropped connection is not a cancellation.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
 */
public final class OutboundStream {

    private final String id;
    private final ReplayBuffer replay;
    private long sequence;
    private EventSink sink;
    private boolean completed;

    OutboundStream(String id, ReplayBuffer replay) {
        this.id = id;
        this.replay = replay;
    }

    public String id() {
        return id;
    }

    /**
     * The priming event: an id and empty data, plus the reconnection delay, sent first so the client
     * has an id to resume from even if nothing else arrives.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    public synchronized void prime(long retryMillis) {
        EventId eventId = new EventId(id, ++sequence);
        if (sink != null && !sink.send(eventId.toString(), "", retryMillis)) {
            sink = null;
        }
    }

    public synchronized void send(JsonRpcMessage message) {
        EventId eventId = new EventId(id, ++sequence);
        String data = JsonCodec.write(JsonRpcCodec.encode(message));
        replay.add(new ReplayBuffer.Event(eventId, data));
        if (sink != null && !sink.send(eventId.toString(), data, null)) {
            sink = null; // the client left; the event stays buffered for a resume
        }
    }

    /** Connects a new connection: first what it missed after {@code afterSequence}, then live events. */
    public synchronized void attach(EventSink newSink, long afterSequence) {
        if (sink != null && sink != newSink) {
            sink.close(); // one connection per stream: the newer one wins
        }
        for (ReplayBuffer.Event e : replay.after(id, afterSequence)) {
            if (!newSink.send(e.id().toString(), e.data(), null)) {
                return;
            }
        }
        if (completed) {
            newSink.close();
            sink = null;
        } else {
            sink = newSink;
        }
    }

    /**
     * Closes the connection but not the stream: later messages are buffered until the client
     * resumes. This is SSE polling (SEP-1699).
     */
    public synchronized void disconnect() {
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    /** The response was sent: the stream ends. */
    public synchronized void complete() {
        completed = true;
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    public synchronized boolean isConnected() {
        return sink != null;
    }

    public synchronized boolean isCompleted() {
        return completed;
    }
}
