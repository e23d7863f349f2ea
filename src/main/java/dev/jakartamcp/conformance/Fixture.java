package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.PromptMessage;
import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpPrompt;
import dev.jakartamcp.mcp.server.control.McpResource;
import dev.jakartamcp.mcp.server.control.McpResourceTemplate;
import dev.jakartamcp.mcp.server.control.McpTool;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Small value types that turn a definition and a lambda into a fixture. */
final class Fixture {

    private Fixture() {
    }

    static final String PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    /** A 44-byte WAV header with no samples. */
    static final String WAV_EMPTY = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=";

    static JsonObject noArguments() {
        return JsonCodec.object().add("type", "object").add("properties", JsonCodec.object()).build();
    }

    static JsonObject stringArguments(String... names) {
        var properties = JsonCodec.object();
        var required = JsonCodec.array();
        for (String name : names) {
            properties.add(name, JsonCodec.object().add("type", "string").add("description", "The " + name));
            required.add(name);
        }
        return JsonCodec.object().add("type", "object").add("properties", properties).add("required", required).build();
    }

    /**
     * A tool fixture; {@code streams} false for those that send nothing before their result, which
     * are also pure computation: they never block.
     */
    record Tool(ToolDefinition definition, BiFunction<JsonObject, CallContext, CallToolResult> body, boolean streams)
            implements McpTool {

        Tool(ToolDefinition definition, BiFunction<JsonObject, CallContext, CallToolResult> body) {
            this(definition, body, true);
        }

        @Override
        public boolean blocks() {
            return streams;
        }

        @Override
        public CallToolResult call(JsonObject arguments, CallContext context) {
            return body.apply(arguments, context);
        }
    }

    /** A tool that only computes its result, answered with plain JSON on the request thread. */
    static Tool plain(ToolDefinition definition, BiFunction<JsonObject, CallContext, CallToolResult> body) {
        return new Tool(definition, body, false);
    }

    record Resource(ResourceDefinition definition, Function<CallContext, List<ResourceContents>> body) implements McpResource {
        @Override
        public List<ResourceContents> read(CallContext context) {
            return body.apply(context);
        }
    }

    record Template(ResourceDefinition definition, BiFunction<String, Map<String, String>, List<ResourceContents>> body)
            implements McpResourceTemplate {
        @Override
        public List<ResourceContents> read(String uri, Map<String, String> variables, CallContext context) {
            return body.apply(uri, variables);
        }
    }

    record Prompt(PromptDefinition definition, Function<Map<String, String>, List<PromptMessage>> body) implements McpPrompt {
        @Override
        public List<PromptMessage> get(Map<String, String> arguments, CallContext context) {
            return body.apply(arguments);
        }
    }
}
