package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A tool as listed by tools/list.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool
 */
public record ToolDefinition(String name, String title, String description, JsonObject inputSchema,
                             JsonObject outputSchema, ToolAnnotations annotations) {

    public JsonObject toJson() {
        JsonObjectBuilder b = JsonCodec.object().add("name", name);
        if (title != null) b.add("title", title);
        if (description != null) b.add("description", description);
        b.add("inputSchema", inputSchema);
        if (outputSchema != null) b.add("outputSchema", outputSchema);
        if (annotations != null) b.add("annotations", annotations.toJson());
        return b.build();
    }

    public static ToolDefinition fromJson(JsonObject json) {
        JsonObject annotations = json.getJsonObject("annotations");
        return new ToolDefinition(json.getString("name", ""), json.getString("title", null), json.getString("description", null),
                json.containsKey("inputSchema") ? json.getJsonObject("inputSchema") : JsonCodec.object().add("type", "object").build(),
                json.get("outputSchema") instanceof JsonObject o ? o : null,
                annotations == null ? null : new ToolAnnotations(annotations.getString("title", null),
                        flag(annotations, "readOnlyHint"), flag(annotations, "destructiveHint"),
                        flag(annotations, "idempotentHint"), flag(annotations, "openWorldHint")));
    }

    private static Boolean flag(JsonObject json, String key) {
        return json.containsKey(key) && !json.isNull(key) ? json.getBoolean(key) : null;
    }
}
