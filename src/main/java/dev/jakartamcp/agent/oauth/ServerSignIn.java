package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.mcp.client.auth.AuthorizationException;
import dev.jakartamcp.mcp.client.auth.OAuthClient;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One person's OAuth client for one configured MCP server. It outlives sessions and turns (it
 * knows the server's authorization server and the person's tokens); a sign-in it needs is shown
 * by the turn that last used it, so a person with two turns at once sees it in the later one.
 */
public final class ServerSignIn {

    private final String person;
    private final String server;
    private final AtomicReference<SignInPrompt> prompt = new AtomicReference<>();
    private final OAuthClient oauth;

    public ServerSignIn(String person, String server, OAuthClient.Builder builder, URI redirectUri) {
        this.person = person;
        this.server = server;
        this.oauth = builder.authorization(this::authorize, redirectUri).build();
    }

    /** The person's key; null when identity is off. */
    public String person() {
        return person;
    }

    /** The server's name in {@code agent.mcp.servers}. */
    public String server() {
        return server;
    }

    public OAuthClient oauth() {
        return oauth;
    }

    /** Where the next sign-in of this server goes: the turn now using it. */
    public void promptTo(SignInPrompt turn) {
        prompt.set(turn);
    }

    /** That turn is over: its prompt no longer takes sign-ins (a later one would wait for nobody). */
    public void releasePrompt(SignInPrompt turn) {
        prompt.compareAndSet(turn, null);
    }

    private URI authorize(URI authorizationUrl) throws Exception {
        SignInPrompt current = prompt.get();
        if (current == null) {
            throw new AuthorizationException("the MCP server " + server + " needs you to sign in, and no chat turn is there to ask you");
        }
        return current.signIn(this, authorizationUrl);
    }
}
