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
}
