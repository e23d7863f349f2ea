package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a 2026-07-28 call may do: log only at the level its _meta asked for, never ask the client. */
class StatelessContextTest {

    private final List<JsonRpcMessage> sent = new ArrayList<>();

    @Test
    void noLogWithoutALevel() {
        context(null).log(LogLevel.EMERGENCY, "x", JsonCodec.string("boom"));
        assertTrue(sent.isEmpty());
    }

    @Test
    void logsAtOrAboveTheRequestedLevel() {
        StatelessContext context = context(LogLevel.INFO);
        context.log(LogLevel.DEBUG, "x", JsonCodec.string("quiet"));
        context.log(LogLevel.INFO, "x", JsonCodec.string("said"));
        assertEquals(1, sent.size());
        JsonRpcMessage.Notification n = (JsonRpcMessage.Notification) sent.get(0);
        assertEquals("notifications/message", n.method());
        assertEquals("info", n.params().getString("level"));
    }

    @Test
    void neverAsksTheClientAndHasNoSession() {
        StatelessContext context = new StatelessContext(null, new MetaEnvelope("2026-07-28",
                JsonCodec.object().add("elicitation", JsonObject.EMPTY_JSON_OBJECT).build(), null, null), sent::add);
        assertTrue(context.clientSupports("elicitation"));
        assertFalse(context.clientSupports("sampling"));
        ClientRequestException e = assertThrows(ClientRequestException.class,
                () -> context.request("elicitation/create", JsonObject.EMPTY_JSON_OBJECT));
        assertEquals(ClientRequestException.Reason.CAPABILITY_MISSING, e.reason());
        assertTrue(sent.isEmpty());
        assertNull(context.session());
    }

    @Test
    void resourceNotFoundBecomesInvalidParams() {
        var error = StatelessResults.error(McpError.resourceNotFound("users://9").error());
        assertEquals(-32602, error.code());
        assertEquals("users://9", error.data().asJsonObject().getString("uri"));
    }

    private StatelessContext context(LogLevel level) {
        return new StatelessContext(null, new MetaEnvelope("2026-07-28", JsonObject.EMPTY_JSON_OBJECT, null, level), sent::add);
    }
}
