package dev.jakartamcp.mcp.server.control;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code perSecond}. Small on purpose:
 * every session carries one.
 */
public final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
        this.lastNanos = System.nanoTime();
    }

    /** Takes a token; false when none is left. A non-positive rate means unlimited. */
    public synchronized boolean tryTake() {
        if (perSecond <= 0) {
            return true;
        }
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whole seconds until a token is back, at least 1: what Retry-After says. */
    public synchronized long secondsUntilNext() {
        refill();
        return perSecond <= 0 ? 1 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    /** Whether the bucket is full again, so a table of buckets can forget it. */
    synchronized boolean isFull() {
        refill();
        return tokens >= burst;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
    }
}
