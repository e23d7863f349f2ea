package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The contents of a resource: text or base64 blob.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/resources#resource-contents
 */
public record ResourceContents(String uri, String mimeType, String text, String blob) {

    public static ResourceContents text(String uri, String mimeType, String text) {
        return new ResourceContents(uri, mimeType, text, null);
    }

    public static ResourceContents blob(String uri, String mimeType, String base64) {
        return new ResourceContents(uri, mimeType, null, base64);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = JsonCodec.object().add("uri", uri);
        if (mimeType != null) b.add("mimeType", mimeType);
        if (text != null) b.add("text", text);
        if (blob != null) b.add("blob", blob);
        return b.build();
    }

    public static ResourceContents fromJson(JsonObject json) {
        return new ResourceContents(json.getString("uri", ""), json.getString("mimeType", null),
                json.getString("text", null), json.getString("blob", null));
    }
}
