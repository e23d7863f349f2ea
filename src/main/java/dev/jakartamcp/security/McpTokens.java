package dev.jakartamcp.security;

import dev.jakartamcp.agent.McpCredentials;
import dev.jakartamcp.agent.McpServerList;
import dev.jakartamcp.agent.oauth.ServerSignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The agent and the tools console call our own /mcp as the signed-in person: with the sign-in
 * token when its audience already includes {@code auth.resource}, else with a token for the MCP
 * resource got by RFC 8693 token exchange, asking only for the scopes the person's roles allow
 * (a user-viewer gets users:read). The token goes to our /mcp and nowhere else: other configured
 * servers get the person's own tokens for them, from signing in there (agent.oauth). Exchanged tokens are kept per person until shortly before they expire.
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

    @Inject
    McpServerList servers;

    @Inject
    ServerSignIns signIns;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * Whom to act for on each server URL, for the person of this request: on our own /mcp with a
     * token for it (below); on every other configured server with the person's own OAuth client
     * for it, which asks them to sign in when that server answers 401 (identity off: one shared
     * "person", as everything else is then shared).
     */
    public Function<String, McpCredentials> credentials(HttpServletRequest http) {
        SignedInPerson person = settings.enabled() ? SignedInPerson.of(http).orElse(null) : null;
        if (settings.enabled() && person == null) {
            return url -> McpCredentials.NONE;
        }
        int port = http.getLocalPort();
        URI self = URI.create("http://localhost:" + port + http.getContextPath() + "/");
        String own = self.resolve("mcp").toString();
        String resource = settings.enabled() ? settings.resource(port) : own;
        McpCredentials ours = person == null ? McpCredentials.NONE
                : new McpCredentials(person.key(), () -> tokenFor(person, resource));
        Map<String, String> names = new HashMap<>();
        servers.servers(self).forEach((name, url) -> names.putIfAbsent(url, name));
        return url -> {
            if (url.equals(own) || url.equals(resource)) {
                return ours;
            }
            String name = names.get(url);
            return name == null ? McpCredentials.NONE
                    : McpCredentials.signingIn(signIns.of(person == null ? null : person.key(), name, url, port));
        };
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
