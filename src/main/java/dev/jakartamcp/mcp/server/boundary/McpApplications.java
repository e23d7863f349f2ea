package dev.jakartamcp.mcp.server.boundary;

import java.util.Map;

/** What every JAX-RS application hosting an MCP endpoint sets. */
public final class McpApplications {

    private McpApplications() {
    }

    public static Map<String, Object> properties() {
        // error statuses without an entity stay empty instead of becoming the server's HTML error page
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
