package dev.jakartamcp.mcp.server.control;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ConsumedStates} for one node: a bounded map from exchange id to the time its state lapses.
 * When full, lapsed entries are dropped first; if it is still full the claim is refused (never
 * forgetting a used state early, which would let it be replayed).
 */
public final class InMemoryConsumedStates implements ConsumedStates {

    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final int max;
    private final Clock clock;

    public InMemoryConsumedStates(int max, Clock clock) {
        this.max = Math.max(1, max);
        this.clock = clock;
    }

    @Override
    public Claim claim(String flowId, Instant until) {
        if (used.size() >= max) {
            Instant now = clock.instant();
            used.values().removeIf(lapse -> !lapse.isAfter(now));
            if (used.size() >= max) {
                return Claim.FULL;
            }
        }
        return used.putIfAbsent(flowId, until) == null ? Claim.CLAIMED : Claim.ALREADY_USED;
    }

    @Override
    public void release(String flowId) {
        used.remove(flowId);
    }

    int size() {
        return used.size();
    }
}
