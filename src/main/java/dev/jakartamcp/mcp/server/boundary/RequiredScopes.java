package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.server.control.McpResourceTemplate;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpTool;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The scope a request needs, from what it touches: the tool it calls, the resource it reads or
 * subscribes to, the resource template it completes. Null when it needs none, or names nothing we
 * have (the engine then answers "unknown" as it always does).
 */
final class RequiredScopes {

    private RequiredScopes() {
    }

    static String of(McpServer server, JsonRpcMessage.Request request) {
        JsonObject params = request.params();
        return switch (request.method()) {
            case "tools/call" -> text(params, "name") == null ? null
                    : server.tools().find(text(params, "name")).map(McpTool::requiredScope).orElse(null);
            case "resources/read", "resources/subscribe" -> text(params, "uri") == null ? null
                    : server.resources().requiredScope(text(params, "uri"));
            case "completion/complete" -> params.get("ref") instanceof JsonObject ref && "ref/resource".equals(text(ref, "type"))
                    && text(ref, "uri") != null
                    ? server.resources().template(text(ref, "uri")).map(McpResourceTemplate::requiredScope).orElse(null) : null;
            default -> null;
        };
    }

    private static String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
