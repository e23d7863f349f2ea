package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.LogLevel;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsTest {

    @Test
    void idsCarryAtLeast128BitsOfVisibleAscii() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = SessionIds.next();
            assertTrue(id.length() * 6 >= 128, id);
            assertTrue(SessionIds.isWellFormed(id), id);
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
        assertFalse(SessionIds.isWellFormed("with space"));
        assertFalse(SessionIds.isWellFormed("caf\u00e9"));
        assertFalse(SessionIds.isWellFormed("x".repeat(129)));
    }

    @Test
    void storeEnforcesTheCapAndFreesSlotsOnRemove() {
        InMemorySessionStore store = new InMemorySessionStore();
        assertTrue(store.add(session("a"), 2));
        assertTrue(store.add(session("b"), 2));
        assertFalse(store.add(session("c"), 2));
        assertEquals(2, store.size());
        assertTrue(store.remove("a").isPresent());
        assertFalse(store.remove("a").isPresent());
        assertTrue(store.add(session("c"), 2));
    }

    @Test
    void idleSessionsAreGoneAndSweptAway() throws InterruptedException {
        InMemorySessionStore store = new InMemorySessionStore();
        store.add(session("old"), 10);
        store.add(session("used"), 10);
        Thread.sleep(30);
        assertTrue(store.find("used", 10_000).isPresent(), "a hit refreshes the idle clock");
        assertEquals(java.util.List.of("old"), store.removeIdle(20, id -> false).stream().map(McpSession::id).toList());
        assertTrue(store.find("old", 10_000).isEmpty());
        assertEquals(1, store.size());
        Thread.sleep(30);
        assertTrue(store.find("used", 20).isEmpty(), "expired on look-up");
        assertEquals(java.util.List.of("used"), store.removeIdle(20, id -> false).stream().map(McpSession::id).toList(), "and swept away");
        assertEquals(0, store.size());
    }

    @Test
    void busySessionsAreNotSwept() throws InterruptedException {
        InMemorySessionStore store = new InMemorySessionStore();
        store.add(session("working"), 10);
        store.add(session("idle"), 10);
        Thread.sleep(30);
        assertEquals(java.util.List.of("idle"), store.removeIdle(20, "working"::equals).stream().map(McpSession::id).toList());
        assertTrue(store.find("working", Long.MAX_VALUE).isPresent());
    }

    @Test
    void readyReplacesTheStoredSession() {
        InMemorySessionStore store = new InMemorySessionStore();
        store.add(session("s"), 10);
        store.replace(session("s").ready());
        assertTrue(store.find("s", 10_000).orElseThrow().initialized());
    }

    private static McpSession session(String id) {
        return new McpSession(id, "users", "2025-11-25", "test", "1", "{}", false, LogLevel.INFO, System.currentTimeMillis(), "127.0.0.1");
    }
}
