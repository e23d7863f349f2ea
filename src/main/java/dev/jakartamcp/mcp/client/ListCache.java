package dev.jakartamcp.mcp.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Complete lists (tools, prompts, resources, templates) kept for as long as the server said they
 * stay fresh ({@code ttlMs}), never longer than the client's own cap. A private list is kept per
 * authorization context (the bearer token it was fetched with). A list_changed notification drops
 * that list at once. Bounded: a handful of methods, at most {@link #MAX_ENTRIES} entries.
 * https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
 */
final class ListCache {

    /** Entries kept at most (methods times tokens); when full, everything is dropped. */
    static final int MAX_ENTRIES = 32;

    private record Key(String method, String context) {
    }

    private record Entry(List<?> items, long freshUntilNanos) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Duration maxTtl;
    private final LongSupplier clock;

    ListCache(Duration maxTtl) {
        this(maxTtl, System::nanoTime);
    }

    ListCache(Duration maxTtl, LongSupplier clock) {
        this.maxTtl = maxTtl;
        this.clock = clock;
    }

    /** The fresh list, or null. */
    @SuppressWarnings("unchecked")
    <T> List<T> get(String method, String token) {
        for (String context : new String[]{"", Objects.toString(token, "")}) {
            Entry e = entries.get(new Key(method, context));
            if (e != null && clock.getAsLong() - e.freshUntilNanos < 0) {
                return (List<T>) e.items;
            }
        }
        return null;
    }

    /**
     * Keeps {@code items} for {@code ttlMs} (a negative or absent one is 0: not kept), capped.
     * {@code shared} lists (cacheScope public) are kept for every token.
     */
    void put(String method, String token, boolean shared, long ttlMs, List<?> items) {
        long ttl = Math.min(Math.max(0, ttlMs), maxTtl.toMillis());
        if (ttl <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(new Key(method, shared ? "" : Objects.toString(token, "")),
                new Entry(List.copyOf(items), clock.getAsLong() + ttl * 1_000_000L));
    }

    /** A list_changed notification: that list is stale now, for everyone. */
    void invalidate(String method) {
        entries.keySet().removeIf(k -> k.method.equals(method));
    }

    void clear() {
        entries.clear();
    }
}
