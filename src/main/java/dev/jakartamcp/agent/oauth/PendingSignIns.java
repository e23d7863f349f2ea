package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.mcp.client.auth.AuthorizationException;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins that wait for a person to come back from an authorization server, keyed by the state
 * of their authorization request. Bounded: at most {@code agent.oauth.max-pending-per-person}
 * (default 3) per person and {@code agent.oauth.max-pending} (default 100) in all, each for at
 * most {@code agent.oauth.sign-in-timeout-seconds} (default 240), since each holds a thread of the
 * turn that waits for it. Only the person who started a sign-in can finish it.
 */
@ApplicationScoped
public class PendingSignIns {

    /** One sign-in: completed with the URL the authorization server redirected the person to. */
    public record Pending(String id, String state, String person, String server, CompletableFuture<URI> redirect) {
    }

    @Inject
    @ConfigProperty(name = "agent.oauth.sign-in-timeout-seconds", defaultValue = "240")
    long timeoutSeconds = 240;

    @Inject
    @ConfigProperty(name = "agent.oauth.max-pending-per-person", defaultValue = "3")
    int maxPerPerson = 3;

    @Inject
    @ConfigProperty(name = "agent.oauth.max-pending", defaultValue = "100")
    int maxPending = 100;

    private final Map<String, Pending> byState = new ConcurrentHashMap<>();

    public PendingSignIns() {
    }

    /** Outside CDI (tests): the bounds as given. */
    public PendingSignIns(long timeoutSeconds, int maxPerPerson, int maxPending) {
        this.timeoutSeconds = timeoutSeconds;
        this.maxPerPerson = maxPerPerson;
        this.maxPending = maxPending;
    }

    public long timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * Registers a sign-in for this authorization URL (its state is the key); refused beyond the bounds.
     *
     * @param person the person's key; null when identity is off
     */
    public synchronized Pending open(String person, String server, URI authorizationUrl) {
        List<String> states = URLUtils.parseParameters(authorizationUrl.getRawQuery()).get("state");
        if (states == null || states.isEmpty() || states.get(0).isEmpty()) {
            throw new AuthorizationException("the authorization request for " + server + " carries no state");
        }
        if (byState.size() >= maxPending) {
            throw new AuthorizationException("too many sign-ins are waiting right now (agent.oauth.max-pending = "
                    + maxPending + "); try again in a few minutes");
        }
        long mine = byState.values().stream().filter(p -> Objects.equals(p.person(), person)).count();
        if (mine >= maxPerPerson) {
            throw new AuthorizationException("you already have " + mine + " sign-ins waiting (agent.oauth.max-pending-per-person); "
                    + "finish or close them first");
        }
        Pending pending = new Pending(UUID.randomUUID().toString(), states.get(0), person, server, new CompletableFuture<>());
        byState.put(pending.state(), pending);
        return pending;
    }

    /**
     * The authorization server sent the person back: hands the redirect to the waiting sign-in,
     * once. Empty when no sign-in waits under that state for this person (unknown, expired, used,
     * or someone else's: they look the same).
     */
    public java.util.Optional<Pending> complete(String state, String person, URI redirect) {
        if (state == null) {
            return java.util.Optional.empty();
        }
        Pending pending = byState.get(state);
        if (pending == null || !Objects.equals(pending.person(), person) || !byState.remove(state, pending)) {
            return java.util.Optional.empty();
        }
        return pending.redirect().complete(redirect) ? java.util.Optional.of(pending) : java.util.Optional.empty();
    }

    /** Forgets a sign-in (finished, timed out or abandoned). */
    public void close(Pending pending) {
        byState.remove(pending.state(), pending);
        pending.redirect().cancel(false);
    }

    /** How many wait (tests, diagnostics). */
    public int count() {
        return byState.size();
    }
}
