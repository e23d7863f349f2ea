package dev.jakartamcp.mcp.server.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The request rate of each client of the 2026-07-28 revision, which has no session to count
 * against: a token bucket per client (the principal when signed in, else the remote address).
 * The table is bounded: buckets that are full again are forgotten first, and when it is still full
 * a new client is refused until room frees up, rather than the table growing without end.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/security_best_practices
 */
@ApplicationScoped
public class ClientRates {

    @Inject
    @ConfigProperty(name = "mcp.rate.stateless-requests-per-second", defaultValue = "200")
    double perSecond;

    @Inject
    @ConfigProperty(name = "mcp.rate.stateless-requests-burst", defaultValue = "400")
    double burst;

    @Inject
    @ConfigProperty(name = "mcp.rate.stateless-max-clients", defaultValue = "100000")
    int maxClients;

    private final ConcurrentHashMap<String, TokenBucket> clients = new ConcurrentHashMap<>();

    /** Whether this client may send one more request now. */
    public boolean tryTake(String client) {
        TokenBucket bucket = clients.get(client);
        if (bucket == null) {
            if (clients.size() >= maxClients) {
                clients.values().removeIf(TokenBucket::isFull);
                if (clients.size() >= maxClients) {
                    return false;
                }
            }
            bucket = clients.computeIfAbsent(client, k -> new TokenBucket(perSecond, burst));
        }
        return bucket.tryTake();
    }

    /** Seconds until this client may send again. */
    public long retryAfterSeconds(String client) {
        TokenBucket bucket = clients.get(client);
        return bucket == null ? 1 : Math.max(1, bucket.secondsUntilNext());
    }

    /** How many clients are tracked (diagnostics and tests). */
    public int size() {
        return clients.size();
    }
}
