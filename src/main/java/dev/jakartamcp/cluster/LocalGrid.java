package dev.jakartamcp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link Grid} of one node: maps in this node's memory, expired entries dropped as they are met. */
public final class LocalGrid implements Grid {

    private final Map<String, LocalMap> maps = new ConcurrentHashMap<>();
    private final Clock clock;

    public LocalGrid(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public SharedMap map(String name) {
        return maps.computeIfAbsent(name, n -> new LocalMap(clock));
    }

    @Override
    public String describe() {
        return "this node only";
    }

    private record Entry(String value, Instant expires) {
        boolean live(Instant now) {
            return expires == null || expires.isAfter(now);
        }
    }

    private static final class LocalMap implements SharedMap {
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();
        private final Clock clock;

        LocalMap(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Optional<String> putIfAbsent(String key, String value, Duration ttl) {
            Instant now = clock.instant();
            Entry fresh = new Entry(value, ttl == null ? null : now.plus(ttl));
            Entry kept = entries.compute(key, (k, old) -> old != null && old.live(now) ? old : fresh);
            return kept == fresh ? Optional.empty() : Optional.of(kept.value());
        }

        @Override
        public Optional<String> get(String key) {
            Entry e = entries.get(key);
            return e != null && e.live(clock.instant()) ? Optional.of(e.value()) : Optional.empty();
        }

        @Override
        public void remove(String key) {
            entries.remove(key);
        }

        @Override
        public int size() {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !e.live(now));
            return entries.size();
        }
    }
}
