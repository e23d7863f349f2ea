package dev.jakartamcp.agent;

import dev.jakartamcp.agent.oauth.ServerSignIn;

import java.util.function.Supplier;

/**
 * Whom the agent acts for on one MCP server, and how it gets the access token it shows there.
 * Sessions are pooled per person: MCP servers bind a session to the principal that created it.
 *
 * @param person the person's stable key (subject@issuer), or null for nobody in particular
 * @param token  the access token for that server, asked before every request; null: none
 * @param signIn for a server the person signs in to themselves (OAuth, on its 401): their OAuth
 *               client for it, which then supplies the token; null for servers without that
 */
public record McpCredentials(String person, Supplier<String> token, ServerSignIn signIn) {

    public static final McpCredentials NONE = new McpCredentials(null, () -> null);

    public McpCredentials(String person, Supplier<String> token) {
        this(person, token, null);
    }

    /** The person's OAuth client for a server that may ask them to sign in. */
    public static McpCredentials signingIn(ServerSignIn signIn) {
        return new McpCredentials(signIn.person(), () -> null, signIn);
    }
}
