package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * A prompt as listed by prompts/list.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/prompts#listing-prompts
 */
public record PromptDefinition(String name, String title, String description, List<Argument> arguments) {

    public record Argument(String name, String description, boolean required) {
        JsonObject toJson() {
            JsonObjectBuilder b = JsonCodec.object().add("name", name);
            if (description != null) b.add("description", description);
            return b.add("required", required).build();
        }
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = JsonCodec.object().add("name", name);
        if (title != null) b.add("title", title);
        if (description != null) b.add("description", description);
        JsonArrayBuilder args = JsonCodec.array();
        arguments.forEach(a -> args.add(a.toJson()));
        return b.add("arguments", args).build();
    }

    public static PromptDefinition fromJson(JsonObject json) {
        List<Argument> arguments = new java.util.ArrayList<>();
        var list = json.getJsonArray("arguments");
        if (list != null) {
            list.forEach(a -> arguments.add(new Argument(a.asJsonObject().getString("name", ""),
                    a.asJsonObject().getString("description", null), a.asJsonObject().getBoolean("required", false))));
        }
        return new PromptDefinition(json.getString("name", ""), json.getString("title", null),
                json.getString("description", null), List.copyOf(arguments));
    }
}
