package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.cluster.LocalGrid;
import dev.jakartamcp.cluster.SharedMap;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GridConsumedStatesTest {

    @Test
    void aStateUsedThroughOneNodesViewIsRefusedThroughAnothers() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
        SharedMap shared = new LocalGrid(clock).map(GridConsumedStates.MAP);
        ConsumedStates nodeA = new GridConsumedStates(shared, clock);
        ConsumedStates nodeB = new GridConsumedStates(shared, clock);
        Instant until = clock.instant().plusSeconds(600);
        assertEquals(ConsumedStates.Claim.CLAIMED, nodeA.claim("flow-1", until));
        assertEquals(ConsumedStates.Claim.ALREADY_USED, nodeB.claim("flow-1", until));
        nodeA.release("flow-1");
        assertEquals(ConsumedStates.Claim.CLAIMED, nodeB.claim("flow-1", until), "a released claim (more input asked) can be taken again");
    }

    @Test
    void aSealerOpensAStateSealedUnderAKeyItFindsInTheGrid() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
        RequestStateSealer.Key keyA = RequestStateSealer.Key.random();
        RequestStateSealer.Key keyB = RequestStateSealer.Key.random();
        RequestStateSealer nodeA = new RequestStateSealer(List.of(keyA), Duration.ofMinutes(10), clock);
        RequestStateSealer nodeB = new RequestStateSealer(List.of(keyB), Duration.ofMinutes(10), clock,
                kid -> kid.equals(keyA.kid()) ? Optional.of(keyA) : Optional.empty());
        RequestStateSealer alone = new RequestStateSealer(List.of(keyB), Duration.ofMinutes(10), clock);
        StateClaims.Binding binding = new StateClaims.Binding("users", "tools/call", "delete_user", "digest", "caller");
        String sealed = nodeA.seal(new StateClaims(binding, nodeA.expiryFromNow(), "flow", jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
        assertEquals("flow", nodeB.open(sealed, binding).flowId());
        assertThrows(McpError.class, () -> alone.open(sealed, binding), "without the grid, another node's key is unknown");
    }
}
