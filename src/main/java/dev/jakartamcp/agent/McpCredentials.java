package dev.jakartamcp.agent;

import java.util.function.Supplier;

/**
 * Whom the agent acts for on one MCP server, and the access token it shows there. Sessions are
 * pooled per person: MCP servers bind a session to the principal that created it.
 *
 * @param person the person's stable key (subject@issuer), or null for nobody in particular
 * @param token  the access token for that server, asked before every request; null: none
 */
public record McpCredentials(String person, Supplier<String> token) {

    public static final McpCredentials NONE = new McpCredentials(null, () -> null);
}
