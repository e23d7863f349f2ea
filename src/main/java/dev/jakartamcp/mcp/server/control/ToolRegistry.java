package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every {@link McpTool} bean, by name, in a stable order for pagination. */
@ApplicationScoped
public class ToolRegistry {

    @Inject
    @Any
    Instance<McpTool> beans;

    private List<McpTool> ordered;
    private Map<String, McpTool> byName;

    @PostConstruct
    void collect() {
        TreeMap<String, McpTool> tools = new TreeMap<>();
        for (McpTool tool : beans) {
            McpTool previous = tools.put(tool.definition().name(), tool);
            if (previous != null) {
                throw new IllegalStateException("two tools are named " + tool.definition().name());
            }
        }
        byName = Map.copyOf(tools);
        ordered = List.copyOf(tools.values());
    }

    public Optional<McpTool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * One page of tools. Cursors are opaque to clients; ours encode the offset.
     * https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/pagination
     *
     * @throws IllegalArgumentException for a cursor we did not issue
     */
    public Page page(String cursor, int pageSize) {
        int from = cursor == null ? 0 : decodeCursor(cursor);
        int to = Math.min(ordered.size(), from + pageSize);
        List<ToolDefinition> tools = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            tools.add(ordered.get(i).definition());
        }
        return new Page(tools, to < ordered.size() ? encodeCursor(to) : null);
    }

    public record Page(List<ToolDefinition> tools, String nextCursor) {
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("tools:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private int decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith("tools:")) {
                int offset = Integer.parseInt(text.substring(6));
                if (offset >= 0 && offset <= ordered.size()) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("invalid cursor");
    }
}
