package dev.jakartamcp.mcp.client;

/**
 * The server answered 404 to a POST carrying our session id: the session is gone, and the server
 * refused the request without running it, so it may be sent again on a new session.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 */
final class SessionExpiredException extends McpClientException {
    SessionExpiredException() {
        super("the session expired", 0, 404, null);
    }
}
