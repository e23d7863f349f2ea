package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The notification types a subscriptions/listen stream opted in to. Every type is opt-in: the
 * server MUST NOT send a type the client did not request.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
 *
 * @param resources the URIs of {@code resourceSubscriptions} (notifications/resources/updated)
 */
public record SubscriptionFilter(boolean toolsListChanged, boolean promptsListChanged, boolean resourcesListChanged,
                                 Set<String> resources) {

    /**
     * Reads {@code params.notifications}; a missing or mistyped filter is invalid params. The URIs
     * are kept while the stream is open, so their number and length are bounded.
     */
    public static SubscriptionFilter read(JsonObject params, int maxUris, int maxUriLength) {
        if (!(params.get("notifications") instanceof JsonObject filter)) {
            throw McpError.invalidParams("subscriptions/listen needs an object \"notifications\"");
        }
        Set<String> uris = new LinkedHashSet<>();
        JsonValue listed = filter.get("resourceSubscriptions");
        if (listed != null) {
            if (listed.getValueType() != JsonValue.ValueType.ARRAY) {
                throw McpError.invalidParams("\"resourceSubscriptions\" must be an array of URIs");
            }
            for (JsonValue uri : listed.asJsonArray()) {
                if (!(uri instanceof JsonString s) || s.getString().isEmpty() || s.getString().length() > maxUriLength) {
                    throw McpError.invalidParams("\"resourceSubscriptions\" holds URIs of 1 to " + maxUriLength + " characters");
                }
                uris.add(s.getString());
            }
            if (uris.size() > maxUris) {
                throw McpError.invalidParams("\"resourceSubscriptions\" may list at most " + maxUris + " URIs");
            }
        }
        return new SubscriptionFilter(flag(filter, "toolsListChanged"), flag(filter, "promptsListChanged"),
                flag(filter, "resourcesListChanged"), Set.copyOf(uris));
    }

    private static boolean flag(JsonObject filter, String key) {
        JsonValue value = filter.get(key);
        if (value != null && value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw McpError.invalidParams("\"" + key + "\" must be a boolean");
        }
        return value == JsonValue.TRUE;
    }

    /**
     * What this server will honour of it: the acknowledgement names only types it supports (no
     * resource list changes: its resource list is fixed; no resources without resources).
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    public SubscriptionFilter honoredBy(McpServer server) {
        return new SubscriptionFilter(toolsListChanged, promptsListChanged && StatelessMethods.servesPrompts(server), false,
                StatelessMethods.servesResources(server) ? resources : Set.of());
    }

    public boolean wants(String method, JsonObject params) {
        return switch (method) {
            case "notifications/tools/list_changed" -> toolsListChanged;
            case "notifications/prompts/list_changed" -> promptsListChanged;
            case "notifications/resources/list_changed" -> resourcesListChanged;
            case "notifications/resources/updated" -> params.get("uri") instanceof JsonString uri && resources.contains(uri.getString());
            default -> false;
        };
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonCodec.object();
        if (toolsListChanged) json.add("toolsListChanged", true);
        if (promptsListChanged) json.add("promptsListChanged", true);
        if (resourcesListChanged) json.add("resourcesListChanged", true);
        if (!resources.isEmpty()) {
            JsonArrayBuilder uris = JsonCodec.array();
            resources.forEach(uris::add);
            json.add("resourceSubscriptions", uris);
        }
        return json.build();
    }
}
