package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.server.boundary.McpEndpoint;
import dev.jakartamcp.mcp.server.control.McpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** /conformance/mcp: the conformance fixture server. */
@Path("")
@ApplicationScoped
public class ConformanceMcpEndpoint extends McpEndpoint {

    @Inject
    ConformanceMcpServer conformance;

    @Override
    protected McpServer server() {
        return conformance.server();
    }
}
