package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.ToolDefinition;

import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The tools of one server, by name, in a stable order for pagination. Tools can be added and
 * removed at run time; each change is announced with notifications/tools/list_changed.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#list-changed-notification
 */
public final class ToolRegistry {

    private final ConcurrentSkipListMap<String, McpTool> tools = new ConcurrentSkipListMap<>();
    private final Runnable onChange;

    ToolRegistry(Iterable<McpTool> initial, Runnable onChange) {
        for (McpTool tool : initial) {
            if (tools.putIfAbsent(tool.definition().name(), tool) != null) {
                throw new IllegalStateException("two tools are named " + tool.definition().name());
            }
        }
        this.onChange = onChange;
    }

    public Optional<McpTool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public Pages.Page<ToolDefinition> page(String cursor, int pageSize) {
        return Pages.of(tools.values().stream().map(McpTool::definition).toList(), "tools", cursor, pageSize);
    }

    public void register(McpTool tool) {
        tools.put(tool.definition().name(), tool);
        onChange.run();
    }

    public boolean unregister(String name) {
        boolean removed = tools.remove(name) != null;
        if (removed) {
            onChange.run();
        }
        return removed;
    }
}
