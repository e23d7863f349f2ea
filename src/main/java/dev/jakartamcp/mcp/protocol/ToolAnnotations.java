package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Hints about a tool's behaviour; clients must not trust them for security decisions.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-annotations
 */
public record ToolAnnotations(String title, Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint,
                              Boolean openWorldHint) {

    public static ToolAnnotations readOnly(String title) {
        return new ToolAnnotations(title, true, false, true, false);
    }

    public static ToolAnnotations writing(String title, boolean destructive, boolean idempotent) {
        return new ToolAnnotations(title, false, destructive, idempotent, false);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = JsonCodec.object();
        if (title != null) b.add("title", title);
        if (readOnlyHint != null) b.add("readOnlyHint", readOnlyHint);
        if (destructiveHint != null) b.add("destructiveHint", destructiveHint);
        if (idempotentHint != null) b.add("idempotentHint", idempotentHint);
        if (openWorldHint != null) b.add("openWorldHint", openWorldHint);
        return b.build();
    }
}
