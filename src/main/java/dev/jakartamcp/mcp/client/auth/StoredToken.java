package dev.jakartamcp.mcp.client.auth;

import java.time.Instant;

/**
 * An access token and what it is bound to: the issuer that minted it and the resource it was asked
 * for. It is only ever sent to that resource. expiresAt: null when the server did not say.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#token-audience-binding-and-validation
 */
public record StoredToken(String issuer, String resource, String accessToken, String refreshToken, Instant expiresAt, String scope) {

    /** Refreshed this long before it runs out, so a request does not leave with a dying token. */
    static final java.time.Duration EARLY = java.time.Duration.ofSeconds(30);

    boolean dueForRefresh(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt.minus(EARLY));
    }
}
