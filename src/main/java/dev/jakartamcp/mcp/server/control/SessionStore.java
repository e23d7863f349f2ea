package dev.jakartamcp.mcp.server.control;

import java.util.Optional;

/**
 * Where sessions live. The in-memory store is the default; a cluster-wide store (JCache on Payara's
 * Hazelcast) can replace it as a CDI alternative without touching the engine.
 */
public interface SessionStore {

    /** Stores a new session unless the store already holds {@code maxSessions}; returns whether it did. */
    boolean add(McpSession session, int maxSessions);

    /** The session, if present and not idle for longer than {@code idleTimeoutMillis}; a hit refreshes its idle clock. */
    Optional<McpSession> find(String id, long idleTimeoutMillis);

    void replace(McpSession session);

    /** The removed session, if it was there. */
    Optional<McpSession> remove(String id);

    /** Whether the session is still stored, without touching its idle clock. */
    boolean contains(String id);

    /** Drops every session idle for longer than the timeout, except those {@code busy} names; returns them. */
    java.util.List<McpSession> removeIdle(long idleTimeoutMillis, java.util.function.Predicate<String> busy);

    int size();
}
