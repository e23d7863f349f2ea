package dev.jakartamcp.cluster;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LocalGridTest {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void putIfAbsentKeepsTheFirstValueUntilItExpires() {
        MovingClock clock = new MovingClock();
        LocalGrid grid = new LocalGrid(clock);
        assertFalse(grid.clustered());
        SharedMap map = grid.map("m");
        assertEquals(Optional.empty(), map.putIfAbsent("k", "first", Duration.ofSeconds(10)));
        assertEquals(Optional.of("first"), map.putIfAbsent("k", "second", Duration.ofSeconds(10)));
        assertEquals(Optional.of("first"), grid.map("m").get("k"), "the same map by name");
        clock.now = clock.now.plusSeconds(11);
        assertEquals(Optional.empty(), map.get("k"), "expired");
        assertEquals(0, map.size());
        assertEquals(Optional.empty(), map.putIfAbsent("k", "third", null), "an expired entry is absent");
        clock.now = clock.now.plusSeconds(100_000);
        assertEquals(Optional.of("third"), map.get("k"), "no ttl: kept until removed");
        map.remove("k");
        assertEquals(Optional.empty(), map.get("k"));
    }
}
