package dev.jakartamcp.security;

import dev.jakartamcp.agent.McpCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The agent and the tools console call our own /mcp as the signed-in person: with the sign-in
 * token when its audience already includes {@code auth.resource}, else with a token for the MCP
 * resource got by RFC 8693 token exchange, asking only for the scopes the person's roles allow
 * (a user-viewer gets users:read). The token goes to our /mcp and nowhere else: other configured
 * servers get none. Exchanged tokens are kept per person until shortly before they expire.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#token-passthrough
 */
@ApplicationScoped
public class McpTokens {

    /** At most this many people's tokens are kept; beyond it the cache starts over. */
    static final int MAX_CACHED = 10_000;
    private static final long RENEW_BEFORE_SECONDS = 30;

    private record Cached(String subjectToken, String token, Instant expiresAt) {
    }

    @Inject
    AuthSettings settings;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    OidcClient oidc;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Whom to act for on each server URL, for the person of this request. */
    public Function<String, McpCredentials> credentials(HttpServletRequest http) {
        if (!settings.enabled()) {
            return url -> McpCredentials.NONE;
        }
        SignedInPerson person = SignedInPerson.of(http).orElse(null);
        if (person == null) {
            return url -> McpCredentials.NONE;
        }
        String own = "http://localhost:" + http.getLocalPort() + http.getContextPath() + "/mcp";
        String resource = settings.resource(http.getLocalPort());
        McpCredentials ours = new McpCredentials(person.key(), () -> tokenFor(person, resource));
        return url -> url.equals(own) || url.equals(resource) ? ours : McpCredentials.NONE;
    }

    String tokenFor(SignedInPerson person, String resource) {
        Cached known = cache.get(person.key());
        if (known != null && known.subjectToken().equals(person.accessToken())
                && Instant.now().plusSeconds(RENEW_BEFORE_SECONDS).isBefore(known.expiresAt())) {
            return known.token();
        }
        Cached fresh = obtain(person, resource);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(person.key(), fresh);
        return fresh.token();
    }

    private Cached obtain(SignedInPerson person, String resource) {
        try {
            VerifiedToken already = verifier.verify(person.accessToken(), resource);
            return new Cached(person.accessToken(), person.accessToken(), already.expiresAt());
        } catch (AccessTokenVerifier.InvalidToken notForUs) {
            // not issued for the MCP resource (the usual case): exchange it
        }
        List<String> scopes = List.copyOf(Roles.scopesFor(person.roles()));
        try {
            var token = oidc.exchange(person.accessToken(), resource, scopes);
            long lifetime = token.getLifetime() > 0 ? token.getLifetime() : 60;
            return new Cached(person.accessToken(), token.getValue(), Instant.now().plusSeconds(lifetime));
        } catch (OidcClient.Refused e) {
            throw new IllegalStateException("No token for " + resource + " for " + person.name() + ": " + e.getMessage());
        }
    }
}
