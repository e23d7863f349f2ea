package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;

/**
 * A content block of a tool result, prompt message or sampling message.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-result
 */
public sealed interface Content {

    JsonObject toJson();

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/tools#text-content */
    record Text(String text) implements Content {
        @Override
        public JsonObject toJson() {
            return JsonCodec.object().add("type", "text").add("text", text).build();
        }
    }
}
