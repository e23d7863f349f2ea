package dev.jakartamcp.agent;

import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.client.McpClientException;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The tools of every configured MCP server, as OpenAI functions, connected through the project's
 * MCP client, on sessions leased from {@link McpSessions}. A tool name offered by more than one server becomes {@code <server>__<tool>} on all of
 * them, so the choice is deterministic; unique names stay as they are. A server that cannot be
 * reached is reported as missing and the others stay usable.
 */
public final class ToolBox implements AutoCloseable {

    public record Tool(String server, ToolDefinition definition, String functionName) {
    }

    private final McpSessions pool;
    private final Map<String, McpSessions.Session> sessions = new LinkedHashMap<>();
    private final Map<String, Tool> byFunction = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();
    private final java.util.Set<String> broken = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Leases a session to every server from the pool (each lease lists the server's tools).
     *
     * @param elicitation where the servers' questions go; null for sessions without the capability
     */
    public ToolBox(Map<String, String> servers, McpSessions pool, ElicitationHandler elicitation) {
        this(servers, pool, elicitation, url -> McpCredentials.NONE);
    }

    /** @param credentials whom to act for on each server, by its URL */
    public ToolBox(Map<String, String> servers, McpSessions pool, ElicitationHandler elicitation,
                   java.util.function.Function<String, McpCredentials> credentials) {
        this.pool = pool;
        Map<String, List<ToolDefinition>> offered = new LinkedHashMap<>();
        servers.forEach((name, url) -> {
            try {
                McpSessions.Session session = pool.lease(url, elicitation, credentials.apply(url));
                sessions.put(name, session);
                offered.put(name, session.tools());
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

    /** A call the caller can cancel (which tells the server); null when the server is not connected. */
    public CompletableFuture<CallToolResult> callAsync(Tool tool, JsonObject arguments) {
        return callAsync(tool.server(), tool.definition().name(), arguments);
    }

    public CompletableFuture<CallToolResult> callAsync(String server, String tool, JsonObject arguments) {
        McpSessions.Session session = sessions.get(server);
        if (session == null) {
            return CompletableFuture.completedFuture(CallToolResult.error("The MCP server " + server + " is not available"));
        }
        CompletableFuture<CallToolResult> call = session.client().callToolAsync(tool, arguments);
        call.whenComplete((result, failure) -> {
            // a session that failed at the transport is not pooled again; a protocol error leaves it usable
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c ? c.getCause() : failure;
            if (cause instanceof McpClientException e && e.code() == 0) {
                broken.add(server);
            }
        });
        return call;
    }

    /** Closes the sessions on {@link #close} instead of pooling them: calls may still be running on them. */
    public void abandon() {
        broken.addAll(sessions.keySet());
    }

    /** Gives the sessions back to the pool; those whose transport failed are closed instead. */
    @Override
    public void close() {
        sessions.forEach((server, session) -> pool.release(session, !broken.contains(server)));
        sessions.clear();
    }
}
