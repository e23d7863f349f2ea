package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Fills the fields a person left out of an accepted form with the defaults of the requested
 * schema (SEP-1034).
 * https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation#requested-schema
 */
public final class Elicitation {

    private Elicitation() {
    }

    public static JsonObject withDefaults(JsonObject schema, JsonObject content) {
        JsonObjectBuilder out = content == null ? JsonCodec.object() : JsonCodec.object(content);
        JsonObject properties = schema == null ? null : schema.getJsonObject("properties");
        if (properties != null) {
            for (var property : properties.entrySet()) {
                if (property.getValue() instanceof JsonObject p && p.containsKey("default")
                        && (content == null || !content.containsKey(property.getKey()))) {
                    out.add(property.getKey(), p.get("default"));
                }
            }
        }
        return out.build();
    }
}
