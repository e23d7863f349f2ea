package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolRegistryTest {

    private static McpTool tool(String name) {
        return new McpTool() {
            @Override
            public ToolDefinition definition() {
                return new ToolDefinition(name, null, "d", JsonCodec.object().add("type", "object").build(), null, null);
            }

            @Override
            public CallToolResult call(JsonObject arguments, CallContext context) {
                return CallToolResult.text(name);
            }
        };
    }

    @Test
    void pagesAreStableAndCursorsAreChecked() {
        ToolRegistry registry = new ToolRegistry(List.of(tool("c"), tool("a"), tool("b")), () -> { });
        Pages.Page<ToolDefinition> first = registry.page(null, 2);
        assertEquals(List.of("a", "b"), first.items().stream().map(ToolDefinition::name).toList());
        Pages.Page<ToolDefinition> second = registry.page(first.nextCursor(), 2);
        assertEquals(List.of("c"), second.items().stream().map(ToolDefinition::name).toList());
        assertEquals(null, second.nextCursor());
        assertThrows(McpError.class, () -> registry.page("bogus", 2));
        assertThrows(McpError.class, () -> registry.page(first.nextCursor().replace('d', 'x') + "zz", 2));
    }

    @Test
    void changesAtRunTimeAreAnnounced() {
        AtomicInteger announced = new AtomicInteger();
        ToolRegistry registry = new ToolRegistry(List.of(tool("a")), announced::incrementAndGet);
        registry.register(tool("b"));
        assertTrue(registry.find("b").isPresent());
        assertTrue(registry.unregister("a"));
        assertFalse(registry.unregister("a"), "nothing changed, nothing announced");
        assertEquals(2, announced.get());
    }

    @Test
    void listPagesAreBuiltOnceAndRebuiltWhenToolsChange() {
        ToolRegistry registry = new ToolRegistry(List.of(tool("a")), () -> { });
        AtomicInteger built = new AtomicInteger();
        java.util.function.Function<Pages.Page<dev.jakartamcp.mcp.protocol.ToolDefinition>, jakarta.json.JsonObject> toJson = page -> {
            built.incrementAndGet();
            return McpDispatcher.list(page, "tools", t -> t.toJson());
        };
        var first = registry.pageJson(null, 10, toJson);
        assertTrue(first == registry.pageJson(null, 10, toJson), "the same page object, not rebuilt");
        assertEquals(1, built.get());
        registry.register(tool("b"));
        assertEquals(2, registry.pageJson(null, 10, toJson).getJsonArray("tools").size(), "a new tool shows at once");
        assertEquals(2, built.get());
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThrows(IllegalStateException.class, () -> new ToolRegistry(List.of(tool("a"), tool("a")), () -> { }));
    }

    @Test
    void broadcastsReachEverySessionOfThatServerOnly() {
        McpLimits limits = new McpLimits();
        limits.replayStreamBytes = 10_000;
        limits.replaySessionBytes = 10_000;
        limits.replayTotalBytes = 100_000;
        SessionChannels channels = new SessionChannels();
        channels.limits = limits;
        channels.budget = new ReplayBudget(limits.replay());
        channels.broadcasts = Runnable::run;
        SessionChannel mine = channels.open(session("a", "users"));
        SessionChannel other = channels.open(session("b", "conformance"));
        StreamsTest.RecordingSink mySink = new StreamsTest.RecordingSink();
        StreamsTest.RecordingSink otherSink = new StreamsTest.RecordingSink();
        mine.standalone().attach(mySink, Long.MAX_VALUE);
        other.standalone().attach(otherSink, Long.MAX_VALUE);
        channels.broadcast("users", new dev.jakartamcp.mcp.protocol.JsonRpcMessage.Notification(
                "notifications/tools/list_changed", jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(1, mySink.events.size());
        assertTrue(mySink.events.get(0).contains("list_changed"));
        assertEquals(0, otherSink.events.size());
    }

    private static McpSession session(String id, String server) {
        return new McpSession(id, server, "2025-11-25", "t", "1", "{}", true, dev.jakartamcp.mcp.protocol.LogLevel.INFO, 0, "127.0.0.1");
    }
}
