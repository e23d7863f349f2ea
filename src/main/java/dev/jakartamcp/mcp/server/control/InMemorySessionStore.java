package dev.jakartamcp.mcp.server.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The node-local session store: one map entry per session, nothing else. */
@ApplicationScoped
public class InMemorySessionStore implements SessionStore {

    private final ConcurrentHashMap<String, Entry> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public boolean add(McpSession session, int maxSessions) {
        // reserve a slot first, so concurrent initializes cannot overshoot the cap
        if (count.incrementAndGet() > maxSessions) {
            count.decrementAndGet();
            return false;
        }
        sessions.put(session.id(), new Entry(session, System.currentTimeMillis()));
        return true;
    }

    @Override
    public Optional<McpSession> find(String id, long idleTimeoutMillis) {
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        if (now - entry.lastAccessMillis > idleTimeoutMillis) {
            return Optional.empty(); // the sweeper removes it, and closes its channel
        }
        entry.lastAccessMillis = now;
        return Optional.of(entry.session);
    }

    @Override
    public void replace(McpSession session) {
        sessions.computeIfPresent(session.id(), (id, old) -> new Entry(session, System.currentTimeMillis()));
    }

    @Override
    public Optional<McpSession> remove(String id) {
        Entry entry = sessions.remove(id);
        if (entry != null) {
            count.decrementAndGet();
            return Optional.of(entry.session);
        }
        return Optional.empty();
    }

    @Override
    public boolean contains(String id) {
        return sessions.containsKey(id);
    }

    @Override
    public java.util.List<McpSession> removeIdle(long idleTimeoutMillis, java.util.function.Predicate<String> busy) {
        long now = System.currentTimeMillis();
        java.util.List<McpSession> removed = new java.util.ArrayList<>();
        for (var e : sessions.entrySet()) {
            if (now - e.getValue().lastAccessMillis > idleTimeoutMillis && !busy.test(e.getKey())) {
                remove(e.getKey()).ifPresent(removed::add);
            }
        }
        return removed;
    }

    @Override
    public int size() {
        return count.get();
    }

    private static final class Entry {
        final McpSession session;
        volatile long lastAccessMillis;

        Entry(McpSession session, long lastAccessMillis) {
            this.session = session;
            this.lastAccessMillis = lastAccessMillis;
        }
    }
}
