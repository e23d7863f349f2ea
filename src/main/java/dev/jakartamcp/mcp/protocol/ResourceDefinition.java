package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A resource or a resource template as listed by resources/list and resources/templates/list;
 * exactly one of uri and uriTemplate is set.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/resources#resource
 */
public record ResourceDefinition(String uri, String uriTemplate, String name, String title, String description,
                                 String mimeType) {

    public static ResourceDefinition resource(String uri, String name, String title, String description, String mimeType) {
        return new ResourceDefinition(uri, null, name, title, description, mimeType);
    }

    public static ResourceDefinition template(String uriTemplate, String name, String title, String description, String mimeType) {
        return new ResourceDefinition(null, uriTemplate, name, title, description, mimeType);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = JsonCodec.object();
        if (uri != null) b.add("uri", uri);
        if (uriTemplate != null) b.add("uriTemplate", uriTemplate);
        b.add("name", name);
        if (title != null) b.add("title", title);
        if (description != null) b.add("description", description);
        if (mimeType != null) b.add("mimeType", mimeType);
        return b.build();
    }

    public static ResourceDefinition fromJson(JsonObject json) {
        return new ResourceDefinition(json.getString("uri", null), json.getString("uriTemplate", null), json.getString("name", ""),
                json.getString("title", null), json.getString("description", null), json.getString("mimeType", null));
    }
}
