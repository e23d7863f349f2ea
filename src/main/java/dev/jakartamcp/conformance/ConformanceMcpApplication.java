package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.server.boundary.McpApplications;
import dev.jakartamcp.mcp.server.boundary.RouteFilter;
import dev.jakartamcp.mcp.server.boundary.IncidentMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/** Always deployed; the transport filter answers 404 while the server is disabled. */
@ApplicationPath(ConformanceMcpServer.PATH)
public class ConformanceMcpApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ConformanceMcpEndpoint.class, RouteFilter.class, IncidentMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return McpApplications.properties();
    }
}
