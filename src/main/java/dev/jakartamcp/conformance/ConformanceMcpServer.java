package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.protocol.Implementation;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server the official conformance suite tests: the fixture tools, resources and prompts whose
 * names the suite expects, at /conformance/mcp. Off unless {@code mcp.conformance.enabled=true}
 * (env {@code MCP_CONFORMANCE_ENABLED}); when off the path answers 404.
 */
@ApplicationScoped
public class ConformanceMcpServer {

    /** The endpoint, below the context root. */
    public static final String PATH = "conformance/mcp";
    public static final String NAME = "conformance";

    @Inject
    McpServers servers;

    @Inject
    @ConfigProperty(name = "mcp.conformance.enabled", defaultValue = "false")
    boolean enabled;

    private McpServer server;

    void define(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        server();
    }

    public synchronized McpServer server() {
        if (server == null) {
            server = servers.define(NAME, PATH, new Implementation("jakarta-mcp-conformance", "Conformance fixtures", "1.0.0"),
                    "Fixtures for the official MCP conformance suite.", enabled);
        }
        return server;
    }
}
