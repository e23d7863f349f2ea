package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.cluster.SharedMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link ConsumedStates} in the cluster's grid: a used exchange is refused on every node. Each entry
 * expires when its state lapses anyway, which bounds the map by the rate of MRTR completions times
 * the state's lifetime ({@code mcp.mrtr.state-ttl-seconds}).
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#server-requirements-basic-workflow
 */
final class GridConsumedStates implements ConsumedStates {

    static final String MAP = "mcp.mrtr.consumed";

    private final SharedMap used;
    private final Clock clock;

    GridConsumedStates(SharedMap used, Clock clock) {
        this.used = used;
        this.clock = clock;
    }

    @Override
    public Claim claim(String flowId, Instant until) {
        Duration ttl = Duration.between(clock.instant(), until);
        if (ttl.isNegative() || ttl.isZero()) {
            ttl = Duration.ofSeconds(1);
        }
        return used.putIfAbsent(flowId, until.toString(), ttl).isEmpty() ? Claim.CLAIMED : Claim.ALREADY_USED;
    }

    @Override
    public void release(String flowId) {
        used.remove(flowId);
    }
}
