package dev.jakartamcp.agent.oauth;

import java.net.URI;

/** Shows a person that a server needs them to sign in, and waits for the redirect back (a chat turn does). */
@FunctionalInterface
public interface SignInPrompt {

    URI signIn(ServerSignIn server, URI authorizationUrl) throws Exception;
}
