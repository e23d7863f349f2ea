package dev.jakartamcp.mcp.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;

/**
 * Hands out the session to send on, and makes recovery single-flight: however many requests find
 * their session gone (404) at once, exactly one new session is initialized and all of them use it.
 * Requests that start while it is being initialized wait for it instead of going out without a
 * session id. A failed initialize is tried again by the next request, again only once.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 */
final class SessionGate {

    private final LongFunction<Session> initializer;
    private final Executor executor;
    private long generations;                   // guarded by this
    private CompletableFuture<Session> current; // guarded by this

    /** @param initializer runs the whole handshake for the given generation, bounded by its own timeout */
    SessionGate(LongFunction<Session> initializer, Executor executor) {
        this.initializer = initializer;
        this.executor = executor;
    }

    /** The session to send on; waits while one is being initialized, and starts one when there is none. */
    Session current() {
        CompletableFuture<Session> session;
        synchronized (this) {
            if (current == null || current.isCompletedExceptionally()) {
                start();
            }
            session = current;
        }
        return await(session);
    }

    /**
     * {@code lost} got a 404. The first report for it starts a new session; every later one, and every
     * request already waiting, shares that new session.
     */
    synchronized CompletableFuture<Session> renew(Session lost) {
        Session now = current == null ? null : current.getNow(null);
        boolean failed = current == null || current.isCompletedExceptionally();
        if (failed || (now != null && now.generation() == lost.generation())) {
            start();
        }
        return current;
    }

    /** The established session, or null while there is none (not yet, being renewed, failed). */
    synchronized Session established() {
        return current == null || current.isCompletedExceptionally() ? null : current.getNow(null);
    }

    /** False once a newer session was started (the one given is lost, or being replaced). */
    synchronized boolean isCurrent(Session session) {
        return session.generation() == generations;
    }

    private void start() {
        long generation = ++generations;
        current = CompletableFuture.supplyAsync(() -> initializer.apply(generation), executor);
    }

    static Session await(CompletableFuture<Session> session) {
        try {
            return session.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw McpClientException.io("interrupted while waiting for the session", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof McpClientException m) {
                throw m;
            }
            throw McpClientException.io("initialize failed: " + e.getCause(), e.getCause());
        }
    }
}
