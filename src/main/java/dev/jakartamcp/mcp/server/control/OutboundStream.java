package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One logical SSE stream of a session: the stream answering a POSTed request, or the standalone GET
 * stream. Every message is numbered and kept (within the replay budget) before it is queued on the
 * connection, so it survives a dropped connection: the client resumes with GET and Last-Event-ID,
 * and the stream goes on over the new connection. A dropped connection is not a cancellation.
 * All state is guarded by the session's channel, which also keeps the session's byte budget.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
 */
public final class OutboundStream {

    /** An event kept for replay. */
    record Kept(long sequence, String data, long bytes) {
    }

    /** What a resume from a Last-Event-ID finds. */
    public enum Resume { ATTACHED, GONE }

    private final String id;
    private final SessionChannel channel;
    private ArrayDeque<Kept> kept; // created on the first kept event: idle sessions stay small
    private long keptBytes;
    private long sequence;
    private long droppedUpTo;
    private long writtenUpTo;
    private EventSink sink;
    private boolean completed;
    private long completedAtMillis;

    OutboundStream(String id, SessionChannel channel) {
        this.id = id;
        this.channel = channel;
    }

    public String id() {
        return id;
    }

    /**
     * The id of the priming event: an id and empty data, sent first so the client has an id to
     * resume from even if nothing else arrives. It is never replayed.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    public String nextPrimingId() {
        synchronized (channel) {
            return new EventId(id, ++sequence).toString();
        }
    }

    public void send(JsonRpcMessage message) {
        String data = JsonCodec.write(JsonRpcCodec.encode(message));
        synchronized (channel) {
            long seq = ++sequence;
            channel.keep(this, seq, data);
            offer(seq, data);
        }
    }

    private void offer(long seq, String data) {
        if (sink != null && !sink.offer(new EventId(id, seq).toString(), data, () -> written(seq))) {
            sink = null; // the client left or does not read; the event stays kept for a resume
        }
    }

    /**
     * Connects a new connection: first what it missed after {@code afterSequence}, then live events.
     * GONE when some of those events are no longer kept: the caller must say so, never replay a gap.
     */
    public Resume attach(EventSink newSink, long afterSequence) {
        synchronized (channel) {
            if (afterSequence != Long.MAX_VALUE && droppedUpTo > afterSequence) {
                return Resume.GONE;
            }
            if (sink != null && sink != newSink) {
                sink.abort(); // one connection per stream: the newer one wins
            }
            sink = newSink;
            if (kept != null && afterSequence != Long.MAX_VALUE) {
                for (Kept e : List.copyOf(kept)) {
                    if (e.sequence() > afterSequence) {
                        offer(e.sequence(), e.data());
                    }
                }
            }
            if (completed && sink != null) {
                sink.close();
                sink = null;
            }
            return Resume.ATTACHED;
        }
    }

    /** Whether a resume after this sequence would find every event it needs. */
    public boolean canResumeAfter(long afterSequence) {
        synchronized (channel) {
            return droppedUpTo <= afterSequence;
        }
    }

    /**
     * Closes the connection but not the stream: later messages are kept until the client resumes.
     * This is SSE polling (SEP-1699).
     */
    public void disconnect() {
        synchronized (channel) {
            if (sink != null) {
                sink.close();
                sink = null;
            }
        }
    }

    /** The response was sent: the stream ends once it is written, and stays resumable for a while. */
    public void complete() {
        synchronized (channel) {
            completed = true;
            completedAtMillis = System.currentTimeMillis();
            if (sink != null) {
                sink.close();
                sink = null;
            }
            trimIfDelivered();
        }
    }

    public boolean isConnected() {
        synchronized (channel) {
            return sink != null;
        }
    }

    public boolean isCompleted() {
        synchronized (channel) {
            return completed;
        }
    }

    // ---- replay bookkeeping, called by the channel under its lock ----

    private void written(long seq) {
        synchronized (channel) {
            writtenUpTo = Math.max(writtenUpTo, seq);
            trimIfDelivered();
        }
    }

    /** A completed stream whose events all went out keeps only its last one, the response. */
    private void trimIfDelivered() {
        if (completed && writtenUpTo >= sequence && kept != null) {
            while (kept.size() > 1) {
                evictOldest();
            }
        }
    }

    void add(long seq, String data, long bytes) {
        if (kept == null) {
            kept = new ArrayDeque<>(4);
        }
        kept.addLast(new Kept(seq, data, bytes));
        keptBytes += bytes;
    }

    /** Not kept: a resume from before it is GONE. */
    void drop(long seq) {
        droppedUpTo = Math.max(droppedUpTo, seq);
    }

    boolean evictOldest() {
        if (kept == null || kept.isEmpty()) {
            return false;
        }
        Kept e = kept.removeFirst();
        keptBytes -= e.bytes();
        droppedUpTo = Math.max(droppedUpTo, e.sequence());
        channel.released(e.bytes());
        return true;
    }

    /** Evicts the oldest event that already went out on a connection; false when there is none. */
    boolean evictOldestWritten() {
        if (kept == null || kept.isEmpty() || kept.peekFirst().sequence() > writtenUpTo) {
            return false;
        }
        return evictOldest();
    }

    long keptBytes() {
        return keptBytes;
    }

    boolean isExpired(long now, long retentionMillis) {
        return completed && now - completedAtMillis > retentionMillis;
    }

    /** Drops everything: the stream leaves the session. */
    void release() {
        while (evictOldest()) {
            // each eviction returns its bytes to the budgets
        }
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }
}
