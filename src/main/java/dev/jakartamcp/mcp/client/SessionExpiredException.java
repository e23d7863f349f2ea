package dev.jakartamcp.mcp.client;

/**
 * The server answered 404 to a request carrying our session id: the session is gone.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 */
final class SessionExpiredException extends McpClientException {
    SessionExpiredException() {
        super("the session expired", 0, 404, null);
    }
}
