package dev.jakartamcp.users;

import dev.jakartamcp.mcp.server.boundary.McpEndpoint;
import dev.jakartamcp.mcp.server.control.McpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** /mcp: the user-management MCP server. */
@Path("")
@ApplicationScoped
public class UsersMcpEndpoint extends McpEndpoint {

    @Inject
    UsersMcpServer users;

    @Override
    protected McpServer server() {
        return users.server();
    }
}
