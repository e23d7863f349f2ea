package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.server.control.Caller;
import dev.jakartamcp.mcp.server.control.McpServer;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may use an MCP server. The engine asks; the security feature answers (an OAuth 2.1 resource
 * server when identity is on, everyone otherwise).
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */
public interface McpAccessGuard {

    /** A refusal: the HTTP status, the WWW-Authenticate challenge (or null), and a message for people. */
    final class Refusal extends RuntimeException {

        private final int status;
        private final String challenge;

        public Refusal(int status, String challenge, String message) {
            super(message, null, false, false);
            this.status = status;
            this.challenge = challenge;
        }

        public int status() {
            return status;
        }

        public String challenge() {
            return challenge;
        }
    }

    /** The caller of a request to {@code server}; a Refusal (401, 503) when it may not come in at all. */
    Caller admit(HttpServletRequest http, McpServer server);

    /** The refusal of a request that needs a scope the caller's token lacks (403 insufficient_scope). */
    Refusal insufficientScope(HttpServletRequest http, Caller caller, String scope);
}
