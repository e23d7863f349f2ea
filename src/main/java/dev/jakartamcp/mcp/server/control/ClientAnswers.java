package dev.jakartamcp.mcp.server.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;

import java.util.Set;

/**
 * Checks the shape of a client's answer to a server-to-client request before a tool sees it: a
 * malformed answer is the client's mistake, refused as such, never an incident in our log.
 */
final class ClientAnswers {

    private static final Set<String> ACTIONS = Set.of("accept", "decline", "cancel");

    private ClientAnswers() {
    }

    static void check(String method, JsonObject result) {
        String problem = switch (method) {
            // https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation#response-actions
            case "elicitation/create" -> {
                JsonValue action = result.get("action");
                JsonValue content = result.get("content");
                if (action == null || action.getValueType() != ValueType.STRING
                        || !ACTIONS.contains(result.getString("action"))) {
                    yield "\"action\" must be accept, decline or cancel";
                }
                if (content != null && content.getValueType() != ValueType.OBJECT && content.getValueType() != ValueType.NULL) {
                    yield "\"content\" must be an object";
                }
                yield null;
            }
            // https://modelcontextprotocol.io/specification/2025-11-25/client/sampling#creating-messages
            case "sampling/createMessage" -> {
                JsonValue role = result.get("role");
                JsonValue content = result.get("content");
                if (role == null || role.getValueType() != ValueType.STRING) {
                    yield "\"role\" must be a string";
                }
                if (content == null || (content.getValueType() != ValueType.OBJECT && content.getValueType() != ValueType.ARRAY)) {
                    yield "\"content\" must be an object or an array";
                }
                yield null;
            }
            // https://modelcontextprotocol.io/specification/2025-11-25/client/roots#listing-roots
            case "roots/list" -> result.get("roots") instanceof jakarta.json.JsonArray ? null : "\"roots\" must be an array";
            default -> null;
        };
        if (problem != null) {
            throw new ClientRequestException(ClientRequestException.Reason.CLIENT_ERROR,
                    "The client's answer to " + method + " is malformed: " + problem);
        }
    }
}
