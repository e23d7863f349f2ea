package dev.jakartamcp.mcp.server.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client limits on sessions: how many one client holds at once, and how fast it may create
 * them (a token bucket). A client is the principal once there is one, the remote address until
 * then. Without these, one client creating sessions in a loop takes every slot of the global cap.
 */
@ApplicationScoped
public class SessionQuota {

    @Inject
    McpLimits limits;

    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();

    /** The outcome of asking for a new session. */
    public enum Grant { GRANTED, RATE_LIMITED, CLIENT_FULL }

    private static final class Client {
        final TokenBucket creations;
        int live;

        Client(TokenBucket creations) {
            this.creations = creations;
        }
    }

    public Grant acquire(String client) {
        Grant[] grant = new Grant[1];
        clients.compute(client, (key, c) -> {
            if (c == null) {
                c = new Client(new TokenBucket(limits.sessionsPerSecond(), limits.sessionsBurst()));
            }
            if (c.live >= limits.maxSessionsPerClient()) {
                grant[0] = Grant.CLIENT_FULL;
            } else if (!c.creations.tryTake()) {
                grant[0] = Grant.RATE_LIMITED;
            } else {
                c.live++;
                grant[0] = Grant.GRANTED;
            }
            return c;
        });
        return grant[0];
    }

    /** A session of this client ended, or was never stored. */
    public void release(String client) {
        clients.computeIfPresent(client, (key, c) -> {
            c.live = Math.max(0, c.live - 1);
            return c;
        });
    }

    /** Seconds until this client may create a session again. */
    public long retryAfterSeconds(String client) {
        Client c = clients.get(client);
        return c == null ? 1 : c.creations.secondsUntilNext();
    }

    /** Forgets clients with no session and a full bucket, so the table does not grow forever. */
    void sweep() {
        for (String key : clients.keySet()) {
            clients.computeIfPresent(key, (k, c) -> c.live == 0 && c.creations.isFull() ? null : c);
        }
    }
}
