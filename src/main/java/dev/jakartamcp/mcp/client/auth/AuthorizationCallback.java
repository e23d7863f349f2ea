package dev.jakartamcp.mcp.client.auth;

import java.net.URI;

/**
 * Shows the authorization URL to the person (a browser, a link in a chat) and returns the URL the
 * authorization server redirected back to, with its code, state and iss. The OAuth client checks
 * the answer; the callback only carries it.
 */
@FunctionalInterface
public interface AuthorizationCallback {

    URI authorize(URI authorizationUrl) throws Exception;
}
