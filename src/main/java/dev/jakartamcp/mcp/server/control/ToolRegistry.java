package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.ToolDefinition;

import jakarta.json.JsonObject;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The tools of one server, by name, in a stable order for pagination. Tools can be added and
 * removed at run time; each change is announced with notifications/tools/list_changed.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#list-changed-notification
 */
public final class ToolRegistry {

    private final ConcurrentSkipListMap<String, McpTool> tools = new ConcurrentSkipListMap<>();
    private final Runnable onChange;
    /** tools/list pages as JSON, by cursor: the same every time until the tools change. */
    private final ConcurrentHashMap<String, JsonObject> pages = new ConcurrentHashMap<>();
    private volatile long version;

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

    /** A page of the tools a caller may see: filtered per caller, so never cached. */
    public Pages.Page<ToolDefinition> page(String cursor, int pageSize, java.util.function.Predicate<McpTool> visible) {
        return Pages.of(tools.values().stream().filter(visible).map(McpTool::definition).toList(), "tools", cursor, pageSize);
    }

    /**
     * A page as JSON, built once per cursor and page size while the tools stay the same. An invalid
     * cursor is refused by {@link #page} and never cached, so the cache holds one entry per page.
     */
    public JsonObject pageJson(String cursor, int pageSize, Function<Pages.Page<ToolDefinition>, JsonObject> toJson) {
        String key = pageSize + ":" + (cursor == null ? "" : cursor);
        JsonObject cached = pages.get(key);
        if (cached != null) {
            return cached;
        }
        long before = version;
        JsonObject built = toJson.apply(page(cursor, pageSize));
        if (before == version) { // a page built while the tools changed is used once, not kept
            pages.putIfAbsent(key, built);
            if (before != version) {
                pages.remove(key, built);
            }
        }
        return built;
    }

    public void register(McpTool tool) {
        tools.put(tool.definition().name(), tool);
        changed();
        onChange.run();
    }

    private synchronized void changed() {
        version++;
        pages.clear();
    }

    public boolean unregister(String name) {
        boolean removed = tools.remove(name) != null;
        if (removed) {
            changed();
            onChange.run();
        }
        return removed;
    }
}
