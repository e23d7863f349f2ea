package dev.jakartamcp.security;

import dev.jakartamcp.conformance.ConformanceMcpServer;
import dev.jakartamcp.mcp.server.boundary.McpAccessGuard;
import dev.jakartamcp.mcp.server.control.Caller;
import dev.jakartamcp.mcp.server.control.McpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * /mcp as an OAuth 2.1 resource server when identity is on: no token or a bad one is 401 with the
 * RFC 9728 challenge; a token without the scope a request needs is 403 insufficient_scope. The
 * conformance fixture stays open, because the official suite sends no tokens (and it is off by
 * default). Identity off: everyone may do everything, as in development.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-server-location
 */
@ApplicationScoped
public class OAuthMcpGuard implements McpAccessGuard {

    @Inject
    AuthSettings settings;

    @Override
    public Caller admit(HttpServletRequest http, McpServer server) {
        if (!settings.enabled() || ConformanceMcpServer.NAME.equals(server.name())) {
            return Caller.anonymous(http.getRemoteAddr());
        }
        String metadata = settings.resourceMetadataUrl(http.getLocalPort());
        BearerToken outcome = BearerToken.of(http);
        if (outcome instanceof BearerToken.Valid valid) {
            VerifiedToken token = valid.token();
            return Caller.signedIn(token.issuer(), token.subject(), token.name(), token.scopes());
        }
        if (outcome instanceof BearerToken.Invalid invalid) {
            throw new Refusal(401, BearerChallenge.invalidToken(metadata, invalid.reason()),
                    "Invalid access token: " + invalid.reason());
        }
        if (outcome instanceof BearerToken.ProviderUnreachable) {
            // no challenge: a new token would not help while the keys cannot be fetched
            throw new Refusal(503, null, "The identity provider is unreachable, so no token can be checked; try again later");
        }
        throw new Refusal(401, BearerChallenge.missing(metadata, AuthSettings.READ),
                "This MCP server needs an access token: see " + metadata);
    }

    /** The scopes to ask for: what the token has, plus what is missing, so a step-up loses nothing. */
    @Override
    public Refusal insufficientScope(HttpServletRequest http, Caller caller, String scope) {
        Set<String> wanted = new LinkedHashSet<>(caller.scopes());
        wanted.add(scope);
        return new Refusal(403, BearerChallenge.insufficientScope(settings.resourceMetadataUrl(http.getLocalPort()), wanted),
                "The access token lacks the scope " + scope);
    }
}
