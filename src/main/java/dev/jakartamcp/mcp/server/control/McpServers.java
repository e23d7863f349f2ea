package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.Implementation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds each MCP server once from the beans qualified {@link ServedBy} with its name. A feature
 * declares its server and endpoint path with {@link #define}; the transport filter finds the server
 * of a request by that path.
 */
@ApplicationScoped
public class McpServers {

    @Inject
    @Any
    Instance<McpTool> tools;

    @Inject
    @Any
    Instance<McpResource> resources;

    @Inject
    @Any
    Instance<McpResourceTemplate> templates;

    @Inject
    @Any
    Instance<McpPrompt> prompts;

    @Inject
    SessionChannels channels;

    private final Map<String, McpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, McpServer> byPath = new ConcurrentHashMap<>();

    /**
     * @param path the endpoint's path below the context root, e.g. "mcp": the transport filter finds
     *             the server of a request by it
     */
    public McpServer define(String name, String path, Implementation info, String instructions, boolean enabled) {
        McpServer defined = servers.computeIfAbsent(name, n -> {
            ServedBy by = new ServedBy.Literal(n);
            // https://modelcontextprotocol.io/specification/2025-11-25/server/tools#list-changed-notification
            // https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
            ToolRegistry toolRegistry = new ToolRegistry(tools.select(by),
                    () -> channels.listChanged(n, "notifications/tools/list_changed"));
            return new McpServer(n, info, instructions, enabled, toolRegistry,
                    new ResourceRegistry(resources.select(by), templates.select(by)),
                    new PromptRegistry(prompts.select(by)));
        });
        byPath.put(path, defined);
        return defined;
    }

    /** The server whose endpoint is at this path below the context root, or null. */
    public McpServer atPath(String path) {
        return byPath.get(path);
    }
}
