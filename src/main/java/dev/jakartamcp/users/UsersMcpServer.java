package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.Implementation;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The user-management MCP server: every bean qualified {@code @ServedBy(UsersMcpServer.NAME)}. */
@ApplicationScoped
public class UsersMcpServer {

    /** The endpoint, below the context root. */
    public static final String PATH = "mcp";
    public static final String NAME = "users";

    @Inject
    McpServers servers;

    @Inject
    @ConfigProperty(name = "mcp.server.name", defaultValue = "jakarta-mcp-users")
    String serverName;

    @Inject
    @ConfigProperty(name = "mcp.server.version", defaultValue = "1.0.0")
    String serverVersion;

    @Inject
    @ConfigProperty(name = "mcp.server.instructions", defaultValue = "Manages the users of a user service. "
            + "Search before adding a user, confirm before deleting one.")
    String instructions;

    private McpServer server;

    /** Defined at start-up, so the transport filter finds it on the very first request. */
    void define(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        server();
    }

    public synchronized McpServer server() {
        if (server == null) {
            server = servers.define(NAME, PATH, new Implementation(serverName, "User management", serverVersion), instructions, true);
        }
        return server;
    }
}
