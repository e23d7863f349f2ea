package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;

/**
 * One message of a prompt: a role and one content block.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/prompts#promptmessage
 */
public record PromptMessage(String role, Content content) {

    public static PromptMessage user(Content content) {
        return new PromptMessage("user", content);
    }

    public static PromptMessage assistant(Content content) {
        return new PromptMessage("assistant", content);
    }

    public JsonObject toJson() {
        return JsonCodec.object().add("role", role).add("content", content.toJson()).build();
    }

    public static PromptMessage fromJson(JsonObject json) {
        return new PromptMessage(json.getString("role", "user"), Content.fromJson(json.getJsonObject("content")));
    }
}
