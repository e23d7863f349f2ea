package dev.jakartamcp.mcp.client.auth;

import dev.jakartamcp.mcp.client.McpClientException;

/** The client could not obtain, or refused to use, an access token; no retry or era fallback helps. */
public class AuthorizationException extends McpClientException {

    public AuthorizationException(String message) {
        super(message, 0, 401, null);
    }

    public AuthorizationException(String message, Throwable cause) {
        super(message, 0, 401, cause);
    }
}
