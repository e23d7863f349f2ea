package dev.jakartamcp.users;

import dev.jakartamcp.mcp.server.boundary.McpApplications;
import dev.jakartamcp.mcp.server.boundary.RouteFilter;
import dev.jakartamcp.mcp.server.boundary.IncidentMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/** The MCP endpoint at /mcp, as its own JAX-RS application, so its filter sees only MCP traffic. */
@ApplicationPath(UsersMcpServer.PATH)
public class UsersMcpApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UsersMcpEndpoint.class, RouteFilter.class, IncidentMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return McpApplications.properties();
    }
}
