package dev.jakartamcp.mcp.client.auth;

/**
 * Who the client is at one authorization server: its client_id, the secret when it has one, and
 * the token endpoint authentication method (none, client_secret_basic, client_secret_post,
 * private_key_jwt). Bound to the issuer it was obtained from, never shown to another.
 */
public record ClientIdentity(String issuer, String clientId, String secret, String authMethod) {
}
