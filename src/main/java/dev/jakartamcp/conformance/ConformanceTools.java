package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.Content;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.LogLevel;
import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.ClientRequestException;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.inject.Produces;
import jakarta.json.JsonObject;

import java.util.List;

/** The tools the conformance suite calls, by the exact names it expects (see mcp-peers.md). */
@jakarta.enterprise.context.ApplicationScoped
public class ConformanceTools {

    private static ToolDefinition tool(String name, String description, JsonObject input) {
        return new ToolDefinition(name, null, description, input, null, null);
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool simpleText() {
        return Fixture.plain(tool("test_simple_text", "Returns a simple text response", Fixture.noArguments()),
                (args, ctx) -> CallToolResult.text("This is a simple text response for testing."));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool image() {
        return Fixture.plain(tool("test_image_content", "Returns a 1x1 PNG image", Fixture.noArguments()),
                (args, ctx) -> new CallToolResult(List.of(new Content.Image(Fixture.PNG_1X1, "image/png")), null, false));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool audio() {
        return Fixture.plain(tool("test_audio_content", "Returns a short WAV clip", Fixture.noArguments()),
                (args, ctx) -> new CallToolResult(List.of(new Content.Audio(Fixture.WAV_EMPTY, "audio/wav")), null, false));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool embeddedResource() {
        return Fixture.plain(tool("test_embedded_resource", "Returns an embedded resource", Fixture.noArguments()),
                (args, ctx) -> new CallToolResult(List.of(new Content.EmbeddedResource(ResourceContents.text(
                        "test://embedded-resource", "text/plain", "This is an embedded resource content."))), null, false));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool multipleContentTypes() {
        return Fixture.plain(tool("test_multiple_content_types", "Returns text, an image and a resource", Fixture.noArguments()),
                (args, ctx) -> new CallToolResult(List.of(
                        new Content.Text("Multiple content types test:"),
                        new Content.Image(Fixture.PNG_1X1, "image/png"),
                        new Content.EmbeddedResource(ResourceContents.text("test://mixed-content-resource", "application/json",
                                "{\"test\":\"data\",\"value\":123}"))), null, false));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool logging() {
        return new Fixture.Tool(tool("test_tool_with_logging", "Sends three log messages while it runs", Fixture.noArguments()),
                (args, ctx) -> {
                    ctx.log(LogLevel.INFO, "conformance", JsonCodec.string("Tool execution started"));
                    pause(50);
                    ctx.log(LogLevel.INFO, "conformance", JsonCodec.string("Tool processing data"));
                    pause(50);
                    ctx.log(LogLevel.INFO, "conformance", JsonCodec.string("Tool execution completed"));
                    return CallToolResult.text("Tool with logging executed successfully");
                });
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool errorHandling() {
        return Fixture.plain(tool("test_error_handling", "Always fails with a tool error", Fixture.noArguments()),
                (args, ctx) -> CallToolResult.error("This tool intentionally returns an error for testing"));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool progress() {
        return new Fixture.Tool(tool("test_tool_with_progress", "Reports progress 0, 50 and 100 of 100", Fixture.noArguments()),
                (args, ctx) -> {
                    ctx.progress(0, 100.0, null);
                    pause(50);
                    ctx.progress(50, 100.0, null);
                    pause(50);
                    ctx.progress(100, 100.0, null);
                    return CallToolResult.text("Tool with progress executed successfully");
                });
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool sampling() {
        return new Fixture.Tool(tool("test_sampling", "Asks the client's LLM to answer a prompt", Fixture.stringArguments("prompt")),
                (args, ctx) -> ask(ctx, "sampling/createMessage", JsonCodec.object()
                                .add("messages", JsonCodec.array().add(JsonCodec.object().add("role", "user")
                                        .add("content", new Content.Text(args.getString("prompt")).toJson())))
                                .add("maxTokens", 100).build(),
                        // content is one block, or (2025-11-25, with tools) an array of blocks
                        result -> "LLM response: " + (result.get("content") instanceof JsonObject content
                                ? content.getString("text", "") : result.get("content").toString())));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool elicitation() {
        JsonObject schema = JsonCodec.object().add("type", "object").add("properties", JsonCodec.object()
                        .add("username", JsonCodec.object().add("type", "string").add("description", "User's response"))
                        .add("email", JsonCodec.object().add("type", "string").add("description", "User's email address")))
                .add("required", JsonCodec.array().add("username").add("email")).build();
        return new Fixture.Tool(tool("test_elicitation", "Asks the user for their name and email", Fixture.stringArguments("message")),
                (args, ctx) -> ask(ctx, "elicitation/create", JsonCodec.object().add("message", args.getString("message"))
                        .add("requestedSchema", schema).build(), result -> "User response: " + result));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool elicitationDefaults() {
        JsonObject schema = JsonCodec.object().add("type", "object").add("properties", JsonCodec.object()
                .add("name", JsonCodec.object().add("type", "string").add("default", "John Doe"))
                .add("age", JsonCodec.object().add("type", "integer").add("default", 30))
                .add("score", JsonCodec.object().add("type", "number").add("default", 95.5))
                .add("status", JsonCodec.object().add("type", "string")
                        .add("enum", JsonCodec.array().add("active").add("inactive").add("pending")).add("default", "active"))
                .add("verified", JsonCodec.object().add("type", "boolean").add("default", true))).build();
        return new Fixture.Tool(tool("test_elicitation_sep1034_defaults", "Elicits a form whose fields have defaults",
                Fixture.noArguments()), (args, ctx) -> ask(ctx, "elicitation/create", JsonCodec.object()
                        .add("message", "Please review and update the form fields with defaults").add("requestedSchema", schema).build(),
                result -> "Elicitation completed: action=" + result.getString("action", "") + ", content=" + result.get("content")));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool elicitationEnums() {
        var titled = JsonCodec.array()
                .add(JsonCodec.object().add("const", "value1").add("title", "First Option"))
                .add(JsonCodec.object().add("const", "value2").add("title", "Second Option"))
                .add(JsonCodec.object().add("const", "value3").add("title", "Third Option"));
        var options = JsonCodec.array().add("option1").add("option2").add("option3");
        JsonObject schema = JsonCodec.object().add("type", "object").add("properties", JsonCodec.object()
                .add("untitledSingle", JsonCodec.object().add("type", "string").add("enum", options))
                .add("titledSingle", JsonCodec.object().add("type", "string").add("oneOf", titled))
                .add("legacyEnum", JsonCodec.object().add("type", "string")
                        .add("enum", JsonCodec.array().add("opt1").add("opt2").add("opt3"))
                        .add("enumNames", JsonCodec.array().add("Option One").add("Option Two").add("Option Three")))
                .add("untitledMulti", JsonCodec.object().add("type", "array")
                        .add("items", JsonCodec.object().add("type", "string").add("enum", options)))
                .add("titledMulti", JsonCodec.object().add("type", "array")
                        .add("items", JsonCodec.object().add("anyOf", titled)))).build();
        return new Fixture.Tool(tool("test_elicitation_sep1330_enums", "Elicits a form with every enum style", Fixture.noArguments()),
                (args, ctx) -> ask(ctx, "elicitation/create", JsonCodec.object()
                        .add("message", "Please select options from the enum fields").add("requestedSchema", schema).build(),
                        result -> "Elicitation completed: action=" + result.getString("action", "") + ", content=" + result.get("content")));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool jsonSchema2020() {
        // 0.2.0-alpha.12 also checks that $anchor, allOf/anyOf and if/then/else survive (SEP-2106)
        JsonObject schema = JsonCodec.parseObject("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "$defs":{"address":{"$anchor":"addressDef","type":"object",
                   "properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
                 "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
                   "contactMethod":{"type":"string","enum":["phone","email"]},"phone":{"type":"string"},"email":{"type":"string"}},
                 "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
                 "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
                 "then":{"required":["phone"]},"else":{"required":["email"]},
                 "additionalProperties":false}""");
        return Fixture.plain(tool("json_schema_2020_12_tool", "Tool with JSON Schema 2020-12 features", schema),
                (args, ctx) -> CallToolResult.text("Received: " + args));
    }

    /**
     * Closes its SSE connection before answering; the result arrives when the client resumes with
     * GET and Last-Event-ID (SEP-1699).
     */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool reconnection() {
        return new Fixture.Tool(tool("test_reconnection", "Closes the stream mid-call; resume with Last-Event-ID",
                Fixture.noArguments()), (args, ctx) -> {
            pause(100);
            ctx.disconnectStream();
            pause(200);
            return CallToolResult.text("Reconnection test completed");
        });
    }

    private static CallToolResult ask(CallContext ctx, String method, JsonObject params,
                                      java.util.function.Function<JsonObject, String> describe) {
        try {
            return CallToolResult.text(describe.apply(ctx.request(method, params)));
        } catch (ClientRequestException e) {
            return CallToolResult.error(e.getMessage());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
