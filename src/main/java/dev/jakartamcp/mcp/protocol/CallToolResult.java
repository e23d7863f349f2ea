package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * The result of tools/call. Tool failures are results with isError, not protocol errors, so the
 * model can see them and correct itself.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#error-handling
 */
public record CallToolResult(List<Content> content, JsonObject structuredContent, boolean isError) {

    public static CallToolResult text(String text) {
        return new CallToolResult(List.of(new Content.Text(text)), null, false);
    }

    /**
     * Structured content plus the same data as readable text, for clients that ignore structuredContent.
     * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#structured-content
     */
    public static CallToolResult structured(String text, JsonObject structured) {
        return new CallToolResult(List.of(new Content.Text(text)), structured, false);
    }

    public static CallToolResult error(String text) {
        return new CallToolResult(List.of(new Content.Text(text)), null, true);
    }

    public JsonObject toJson() {
        JsonArrayBuilder blocks = JsonCodec.array();
        content.forEach(c -> blocks.add(c.toJson()));
        JsonObjectBuilder b = JsonCodec.object().add("content", blocks);
        if (structuredContent != null) {
            b.add("structuredContent", structuredContent);
        }
        if (isError) {
            b.add("isError", true);
        }
        return b.build();
    }

    public static CallToolResult fromJson(JsonObject json) {
        java.util.List<Content> content = new java.util.ArrayList<>();
        var blocks = json.getJsonArray("content");
        if (blocks != null) {
            blocks.forEach(b -> content.add(Content.fromJson(b.asJsonObject())));
        }
        JsonObject structured = json.get("structuredContent") instanceof JsonObject o ? o : null;
        return new CallToolResult(List.copyOf(content), structured, json.getBoolean("isError", false));
    }

    /** The text blocks, joined by line breaks. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Content c : content) {
            if (c instanceof Content.Text t) {
                if (out.length() > 0) out.append('\n');
                out.append(t.text());
            }
        }
        return out.toString();
    }
}
