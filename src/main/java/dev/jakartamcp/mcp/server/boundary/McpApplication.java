package dev.jakartamcp.mcp.server.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/** The MCP server at /mcp. Its own JAX-RS application, so its filter sees only MCP traffic. */
@ApplicationPath("mcp")
public class McpApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(McpEndpoint.class, McpTransportFilter.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        // error statuses without an entity stay empty instead of becoming the server's HTML error page
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
