package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Name and version of a client or server.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
 */
public record Implementation(String name, String title, String version) {

    public JsonObject toJson() {
        JsonObjectBuilder b = JsonCodec.object().add("name", name).add("version", version);
        if (title != null) {
            b.add("title", title);
        }
        return b.build();
    }

    public static Implementation fromJson(JsonObject json) {
        if (json == null) {
            return new Implementation("unknown", null, "unknown");
        }
        return new Implementation(json.getString("name", "unknown"), json.getString("title", null),
                json.getString("version", "unknown"));
    }
}
