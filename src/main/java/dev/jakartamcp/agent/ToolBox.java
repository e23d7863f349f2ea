package dev.jakartamcp.agent;

import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.client.McpClient;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools of every configured MCP server, as OpenAI functions, connected through the project's
 * MCP client. A tool name offered by more than one server becomes {@code <server>__<tool>} on all of
 * them, so the choice is deterministic; unique names stay as they are. A server that cannot be
 * reached is reported as missing and the others stay usable.
 */
public final class ToolBox implements AutoCloseable {

    public record Tool(String server, ToolDefinition definition, String functionName) {
    }

    private final Map<String, McpClient> clients = new LinkedHashMap<>();
    private final Map<String, Tool> byFunction = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();

    public ToolBox(Map<String, String> servers, ElicitationHandler elicitation, Duration timeout) {
        Map<String, List<ToolDefinition>> offered = new LinkedHashMap<>();
        servers.forEach((name, url) -> {
            try {
                McpClient client = McpClient.builder(url).clientInfo("jakarta-mcp-agent", "1.0.0")
                        .requestTimeout(timeout).elicitation(elicitation).connect();
                clients.put(name, client);
                offered.put(name, client.listTools());
            } catch (RuntimeException e) {
                missing.put(name, e.getMessage());
            }
        });
        Map<String, List<String>> names = new LinkedHashMap<>();
        offered.forEach((server, list) -> names.put(server, list.stream().map(ToolDefinition::name).toList()));
        Map<String, Map<String, String>> functions = functionNames(names);
        offered.forEach((server, list) -> list.forEach(t -> {
            String function = functions.get(server).get(t.name());
            byFunction.put(function, new Tool(server, t, function));
        }));
    }

    /**
     * Server → tool → function name: unique tool names are kept, a name that several servers offer
     * becomes {@code <server>__<tool>} on all of them.
     */
    static Map<String, Map<String, String>> functionNames(Map<String, List<String>> toolsByServer) {
        Map<String, Integer> count = new HashMap<>();
        toolsByServer.values().forEach(list -> list.forEach(t -> count.merge(t, 1, Integer::sum)));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        toolsByServer.forEach((server, list) -> {
            Map<String, String> names = new LinkedHashMap<>();
            list.forEach(t -> names.put(t, count.get(t) > 1 ? functionName(server + "__" + t) : functionName(t)));
            out.put(server, names);
        });
        return out;
    }

    /** OpenAI function names allow letters, digits, _ and -, at most 64. */
    private static String functionName(String name) {
        String clean = name.replaceAll("[^a-zA-Z0-9_-]", "_");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }

    public List<JsonObject> functions() {
        List<JsonObject> out = new ArrayList<>();
        byFunction.values().forEach(t -> out.add(JsonCodec.object().add("type", "function").add("function", JsonCodec.object()
                .add("name", t.functionName())
                .add("description", t.definition().description() == null ? t.definition().name() : t.definition().description())
                .add("parameters", t.definition().inputSchema())).build()));
        return out;
    }

    public Tool tool(String function) {
        return byFunction.get(function);
    }

    public List<Tool> tools() {
        return List.copyOf(byFunction.values());
    }

    /** Server name to why it is missing. */
    public Map<String, String> missing() {
        return missing;
    }

    public CallToolResult call(Tool tool, JsonObject arguments) {
        return clients.get(tool.server()).callTool(tool.definition().name(), arguments);
    }

    public CallToolResult call(String server, String tool, JsonObject arguments) {
        McpClient client = clients.get(server);
        if (client == null) {
            return CallToolResult.error("The MCP server " + server + " is not available");
        }
        return client.callTool(tool, arguments);
    }

    @Override
    public void close() {
        clients.values().forEach(McpClient::close);
    }
}
