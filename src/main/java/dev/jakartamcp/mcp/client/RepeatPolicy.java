package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.ToolAnnotations;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which requests may be sent a second time when the first one's outcome is unknown: those whose
 * repetition changes nothing. Lists, reads, prompts/get, completion/complete and ping by their
 * nature; a tool only when tools/list said {@code readOnlyHint: true} or {@code idempotentHint: true}
 * (an unknown tool, or one without those hints, is not safe). Hints are the server's word about its
 * own tools, which is enough here: trusting a wrong hint only makes that server run its own tool
 * twice, it decides nothing on the client's side.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-annotations
 */
final class RepeatPolicy {

    private static final Set<String> SAFE_METHODS = Set.of("resources/read", "prompts/get", "completion/complete", "ping");

    private final Map<String, Boolean> tools = new ConcurrentHashMap<>();

    /** Remembers the tools of a complete tools/list; the last listing wins. */
    void learn(List<ToolDefinition> listed) {
        Map<String, Boolean> fresh = new ConcurrentHashMap<>();
        listed.forEach(t -> fresh.put(t.name(), safe(t.annotations())));
        tools.keySet().retainAll(fresh.keySet());
        tools.putAll(fresh);
    }

    boolean safeToRepeat(String method, JsonObject params) {
        if (method.endsWith("/list") || SAFE_METHODS.contains(method)) {
            return true;
        }
        if ("tools/call".equals(method) && params != null) {
            return tools.getOrDefault(params.getString("name", ""), false);
        }
        return false;
    }

    private static boolean safe(ToolAnnotations a) {
        return a != null && (Boolean.TRUE.equals(a.readOnlyHint()) || Boolean.TRUE.equals(a.idempotentHint()));
    }
}
