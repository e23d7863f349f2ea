package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.Content;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.PromptMessage;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.ClientRequestException;
import dev.jakartamcp.mcp.server.control.InputRequest;
import dev.jakartamcp.mcp.server.control.McpPrompt;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The fixtures of the conformance suite's Multi Round-Trip Request scenarios
 * ({@code input-required-result-*}), with the keys and texts its reference server uses, and the
 * capability check fixture. Each asks through the engine; the engine turns that into an
 * InputRequiredResult on 2026-07-28 (and into requests on the stream on a 2025 session).
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 */
@ApplicationScoped
public class ConformanceInputTools {

    private static McpTool tool(String name, String description, BiFunction<JsonObject, CallContext, CallToolResult> body) {
        return new Fixture.Tool(new ToolDefinition(name, null, description, Fixture.noArguments(), null, null), body);
    }

    static InputRequest elicit(String message, String field, String type) {
        return new InputRequest("elicitation/create", JsonCodec.object().add("message", message)
                .add("requestedSchema", JsonCodec.object().add("type", "object")
                        .add("properties", JsonCodec.object().add(field, JsonCodec.object().add("type", type)))
                        .add("required", JsonCodec.array().add(field)))
                .build());
    }

    static InputRequest sample(String text, int maxTokens) {
        return new InputRequest("sampling/createMessage", JsonCodec.object()
                .add("messages", JsonCodec.array().add(JsonCodec.object().add("role", "user")
                        .add("content", new Content.Text(text).toJson())))
                .add("maxTokens", maxTokens).build());
    }

    static final InputRequest ROOTS = new InputRequest("roots/list", JsonValue.EMPTY_JSON_OBJECT);

    /** A field of an accepted form, or "" when there is none. */
    static String field(JsonObject elicitResult, String name) {
        JsonObject content = elicitResult.get("content") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue value = content.get(name);
        return value == null ? "" : value.getValueType() == JsonValue.ValueType.STRING ? content.getString(name) : value.toString();
    }

    /** The text of a sampling result, whose content is one block or several. */
    static String text(JsonObject samplingResult) {
        return samplingResult.get("content") instanceof JsonObject block ? block.getString("text", "")
                : samplingResult.get("content").toString();
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool elicitation() {
        return tool("test_input_required_result_elicitation", "MRTR: asks the user's name through elicitation",
                (args, ctx) -> CallToolResult.text("Hello, " + field(ctx.ask("user_name", "elicitation/create",
                        elicit("What is your name?", "name", "string").params()), "name") + "!"));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool sampling() {
        return tool("test_input_required_result_sampling", "MRTR: asks the client's LLM a question",
                (args, ctx) -> {
                    InputRequest question = sample("What is the capital of France?", 100);
                    return CallToolResult.text("Sampling result: " + text(ctx.ask("capital_question", question.method(), question.params())));
                });
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool listRoots() {
        return tool("test_input_required_result_list_roots", "MRTR: asks the client for its roots",
                (args, ctx) -> {
                    JsonObject roots = ctx.ask("client_roots", ROOTS.method(), ROOTS.params());
                    return CallToolResult.text("Found " + roots.getJsonArray("roots").size() + " root(s)");
                });
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool requestState() {
        return tool("test_input_required_result_request_state", "MRTR: asks for a confirmation; the answer comes back with the sealed requestState",
                (args, ctx) -> {
                    JsonObject answer = ctx.ask("confirm", "elicitation/create", elicit("Please confirm", "ok", "boolean").params());
                    return CallToolResult.text("state-ok: requestState validated (ok=" + field(answer, "ok") + ")");
                });
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool multipleInputs() {
        return tool("test_input_required_result_multiple_inputs", "MRTR: asks for a name, a greeting and the roots in one round",
                (args, ctx) -> {
                    Map<String, InputRequest> requests = new LinkedHashMap<>();
                    requests.put("user_name", elicit("What is your name?", "name", "string"));
                    requests.put("greeting", sample("Generate a greeting", 50));
                    requests.put("client_roots", ROOTS);
                    Map<String, JsonObject> answers = ctx.ask(requests);
                    return CallToolResult.text("Name: " + field(answers.get("user_name"), "name") + "; Greeting: "
                            + text(answers.get("greeting")) + "; Roots: " + answers.get("client_roots").getJsonArray("roots").size());
                });
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool multiRound() {
        return tool("test_input_required_result_multi_round", "MRTR: asks a name, then a colour, in two rounds",
                (args, ctx) -> {
                    String name = field(ctx.ask("step1", "elicitation/create",
                            elicit("Step 1: What is your name?", "name", "string").params()), "name");
                    String color = field(ctx.ask("step2", "elicitation/create",
                            elicit("Step 2: What is your favorite color?", "color", "string").params()), "color");
                    return CallToolResult.text("Multi-round complete for " + name + " who likes " + color);
                });
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool tamperedState() {
        return tool("test_input_required_result_tampered_state", "MRTR: its requestState is integrity-protected",
                (args, ctx) -> {
                    ctx.ask("confirm", "elicitation/create", elicit("Please confirm", "ok", "boolean").params());
                    return CallToolResult.text("integrity-ok: state verified");
                });
    }

    /**
     * The suite checks that the answer to a call that asks carries no independent request: on
     * 2026-07-28 the question travels in the InputRequiredResult.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool streamingElicitation() {
        return tool("test_streaming_elicitation", "Asks the user for a value while it runs",
                (args, ctx) -> CallToolResult.text("Received: " + field(ctx.ask("streaming_input", "elicitation/create",
                        elicit("Please provide a value", "value", "string").params()), "value")));
    }

    /** Asks only what the request's capabilities allow. */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool capabilities() {
        return tool("test_input_required_result_capabilities", "MRTR: asks only for the kinds of input the client declared",
                (args, ctx) -> {
                    Map<String, InputRequest> requests = new LinkedHashMap<>();
                    if (ctx.clientSupports("elicitation")) {
                        requests.put("elicit_input", elicit("Elicitation input", "value", "string"));
                    }
                    if (ctx.clientSupports("sampling")) {
                        requests.put("sample_input", sample("Sample request", 50));
                    }
                    if (requests.isEmpty()) {
                        return CallToolResult.text("No supported capabilities declared");
                    }
                    return CallToolResult.text("capabilities-ok: received " + String.join(",", ctx.ask(requests).keySet()));
                });
    }

    /** prompts/get may ask too. */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpPrompt prompt() {
        PromptDefinition definition = new PromptDefinition("test_input_required_result_prompt", null,
                "MRTR: prompt that requires elicitation input", List.of());
        return new McpPrompt() {
            @Override
            public PromptDefinition definition() {
                return definition;
            }

            @Override
            public List<PromptMessage> get(Map<String, String> arguments, CallContext context) {
                String given;
                try {
                    given = field(context.ask("user_context", "elicitation/create",
                            elicit("What context should the prompt use?", "context", "string").params()), "context");
                } catch (ClientRequestException e) {
                    given = "none (" + e.getMessage() + ")"; // a 2025 session answers prompts/get without a stream to ask on
                }
                return List.of(PromptMessage.user(new Content.Text("Prompt with context: " + given)));
            }
        };
    }
}
