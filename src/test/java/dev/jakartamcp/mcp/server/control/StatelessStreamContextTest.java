package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 2026-07-28 call answered on its own stream: progress only with a token, and a closed stream cancels it. */
class StatelessStreamContextTest {

    private final List<JsonRpcMessage> sent = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MetaEnvelope meta = new MetaEnvelope("2026-07-28", JsonObject.EMPTY_JSON_OBJECT, null, LogLevel.DEBUG);

    @Test
    void progressEchoesTheTokenAndOnlyGoesUp() {
        StatelessContext context = new StatelessContext(null, meta, sent::add, JsonCodec.number(7), closed::get);
        context.progress(0, 100.0, null);
        context.progress(50, 100.0, "half");
        context.progress(50, 100.0, null);
        context.progress(10, 100.0, null);
        assertEquals(2, sent.size());
        JsonObject second = ((JsonRpcMessage.Notification) sent.get(1)).params();
        assertEquals("notifications/progress", ((JsonRpcMessage.Notification) sent.get(1)).method());
        assertEquals(7, second.getInt("progressToken"), "a number stays a number");
        assertEquals("50", second.get("progress").toString());
        assertEquals("half", second.getString("message"));
    }

    @Test
    void noProgressWithoutAToken() {
        new StatelessContext(null, meta, sent::add, null, closed::get).progress(1, null, null);
        assertTrue(sent.isEmpty());
    }

    @Test
    void aClosedStreamCancelsAndNothingMoreIsSent() {
        StatelessContext context = new StatelessContext(null, meta, sent::add, JsonCodec.string("t"), closed::get);
        context.log(LogLevel.INFO, null, JsonCodec.string("before"));
        assertFalse(context.isCancelled());
        closed.set(true);
        assertTrue(context.isCancelled());
        context.log(LogLevel.INFO, null, JsonCodec.string("after"));
        context.progress(1, null, null);
        assertEquals(1, sent.size());
    }
}
