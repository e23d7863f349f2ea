package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

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

    /** Base64 image data. https://modelcontextprotocol.io/specification/2025-11-25/server/tools#image-content */
    record Image(String data, String mimeType) implements Content {
        @Override
        public JsonObject toJson() {
            return JsonCodec.object().add("type", "image").add("data", data).add("mimeType", mimeType).build();
        }
    }

    /** Base64 audio data. https://modelcontextprotocol.io/specification/2025-11-25/server/tools#audio-content */
    record Audio(String data, String mimeType) implements Content {
        @Override
        public JsonObject toJson() {
            return JsonCodec.object().add("type", "audio").add("data", data).add("mimeType", mimeType).build();
        }
    }

    /** A resource's contents inlined. https://modelcontextprotocol.io/specification/2025-11-25/server/tools#embedded-resources */
    record EmbeddedResource(ResourceContents resource) implements Content {
        @Override
        public JsonObject toJson() {
            return JsonCodec.object().add("type", "resource").add("resource", resource.toJson()).build();
        }
    }

    /** A pointer to a resource. https://modelcontextprotocol.io/specification/2025-11-25/server/tools#resource-links */
    record ResourceLink(String uri, String name, String mimeType) implements Content {
        @Override
        public JsonObject toJson() {
            JsonObjectBuilder b = JsonCodec.object().add("type", "resource_link").add("uri", uri).add("name", name);
            if (mimeType != null) b.add("mimeType", mimeType);
            return b.build();
        }
    }

    /** Reads a content block; an unknown type is kept as text describing it, so nothing is lost silently. */
    static Content fromJson(JsonObject json) {
        return switch (json.getString("type", "")) {
            case "text" -> new Text(json.getString("text", ""));
            case "image" -> new Image(json.getString("data", ""), json.getString("mimeType", ""));
            case "audio" -> new Audio(json.getString("data", ""), json.getString("mimeType", ""));
            case "resource" -> new EmbeddedResource(ResourceContents.fromJson(json.getJsonObject("resource")));
            case "resource_link" -> new ResourceLink(json.getString("uri", ""), json.getString("name", ""),
                    json.getString("mimeType", null));
            default -> new Text(json.toString());
        };
    }
}
