package dev.jakartamcp.mcp.server.control;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide budget for replay buffers, in bytes, and the per-stream and per-session limits.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
 */
public final class ReplayBudget {

    /**
     * @param streamBytes       what one stream keeps at most
     * @param sessionBytes      what all streams of one session keep at most
     * @param totalBytes        what all sessions of this node keep at most
     * @param retentionMillis   how long a completed stream stays resumable
     */
    public record Limits(long streamBytes, long sessionBytes, long totalBytes, long retentionMillis) {
    }

    private final Limits limits;
    private final AtomicLong used = new AtomicLong();

    public ReplayBudget(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** Reserves bytes from the server-wide budget; false when they do not fit. */
    boolean reserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > limits.totalBytes()) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes kept for replay on this node right now. */
    public long used() {
        return used.get();
    }
}
