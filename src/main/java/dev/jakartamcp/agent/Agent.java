package dev.jakartamcp.agent;

import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The tool-calling loop: model, then the tool calls it asks for (several in one turn run in
 * parallel), then the model again, until it answers without tools or the iteration cap is hit.
 * Tool errors go back to the model as tool messages, so it can correct itself.
 */
@ApplicationScoped
public class Agent {

    static final String DEFAULT_SYSTEM_PROMPT = """
            You are a careful user-management assistant with tools for a user service and possibly the web.
            - Before adding a user, search for them; never add a duplicate.
            - Before deleting a user, make sure the person really wants it; the delete tool asks them to confirm.
            - Never reveal full credit card numbers or CVVs; the tools mask them, keep it that way.
            - Stay on topic: users and the information needed to manage them. Say so when asked for something else.
            - Answer briefly and say what you did.""";

    @Inject
    LlmSettings llm;

    @Inject
    McpServerList servers;

    @Inject
    Elicitations elicitations;

    @Inject
    @ConfigProperty(name = "agent.system-prompt")
    java.util.Optional<String> systemPrompt;

    @Inject
    @ConfigProperty(name = "agent.max-iterations", defaultValue = "8")
    int maxIterations;

    @Resource
    ManagedExecutorService executor;

    public String systemPrompt() {
        return systemPrompt.filter(s -> !s.isBlank()).orElse(DEFAULT_SYSTEM_PROMPT);
    }

    /**
     * Runs one turn for a new user message.
     *
     * @param history the conversation so far in Chat Completions form, without the system prompt
     * @return the messages this turn adds: the user's, the assistant's and the tools'
     */
    public List<JsonObject> run(String conversation, List<JsonObject> history, String userText, URI self, TurnListener listener) {
        List<JsonObject> added = new ArrayList<>();
        added.add(JsonCodec.object().add("role", "user").add("content", userText).build());
        if (!llm.configured()) {
            listener.error("No LLM is configured: set agent.llm.endpoint (and agent.llm.api-key, agent.llm.model, "
                    + "agent.llm.flavor). The tools console works without one.");
            return added;
        }
        LlmClient client = new LlmClient(llm.toClientSettings());
        ElicitationHandler relay = (message, schema) -> elicitations.ask(conversation, listener, message, schema);
        try (ToolBox tools = new ToolBox(servers.servers(self), relay, Duration.ofMinutes(10))) {
            tools.missing().forEach((server, why) -> listener.error("The MCP server " + server + " is unavailable (" + why
                    + "); its tools are missing from this answer."));
            for (int iteration = 0; iteration < maxIterations; iteration++) {
                List<JsonObject> messages = new ArrayList<>();
                messages.add(JsonCodec.object().add("role", "system").add("content", systemPrompt()).build());
                messages.addAll(history);
                messages.addAll(added);
                LlmClient.Turn turn = client.stream(messages, tools.functions(), listener::delta);
                JsonObject assistant = assistantMessage(turn);
                added.add(assistant);
                if (turn.toolCalls().isEmpty()) {
                    return added;
                }
                added.addAll(runTools(tools, turn.toolCalls(), listener));
            }
            listener.error("Stopped after " + maxIterations + " rounds of tool calls (agent.max-iterations).");
            return added;
        } catch (LlmException e) {
            listener.error(e.getMessage());
            return List.of(added.get(0)); // keep the question, drop a half-finished turn
        }
    }

    private static JsonObject assistantMessage(LlmClient.Turn turn) {
        var message = JsonCodec.object().add("role", "assistant");
        if (!turn.text().isEmpty() || turn.toolCalls().isEmpty()) {
            message.add("content", turn.text());
        }
        if (!turn.toolCalls().isEmpty()) {
            JsonArrayBuilder calls = JsonCodec.array();
            turn.toolCalls().forEach(c -> calls.add(c.toJson()));
            message.add("tool_calls", calls);
        }
        return message.build();
    }

    /** All tool calls of one model turn at once; their results in the order the model asked. */
    private List<JsonObject> runTools(ToolBox tools, List<LlmClient.ToolCall> calls, TurnListener listener) {
        List<CompletableFuture<JsonObject>> running = new ArrayList<>();
        for (LlmClient.ToolCall call : calls) {
            running.add(CompletableFuture.supplyAsync(() -> runTool(tools, call, listener), executor));
        }
        List<JsonObject> results = new ArrayList<>();
        running.forEach(f -> results.add(f.join()));
        return results;
    }

    private static JsonObject runTool(ToolBox tools, LlmClient.ToolCall call, TurnListener listener) {
        ToolBox.Tool tool = tools.tool(call.name());
        String text;
        if (tool == null) {
            text = "Error: there is no tool named " + call.name();
            listener.toolResult("", call.name(), true, text);
        } else {
            JsonObject arguments;
            try {
                arguments = JsonCodec.parseObject(call.arguments());
            } catch (RuntimeException e) {
                arguments = null;
            }
            if (arguments == null) {
                text = "Error: the arguments are not a JSON object: " + call.arguments();
                listener.toolResult(tool.server(), tool.definition().name(), true, text);
            } else {
                listener.toolCall(tool.server(), tool.definition().name(), arguments);
                CallToolResult result;
                try {
                    result = tools.call(tool, arguments);
                } catch (RuntimeException e) {
                    result = CallToolResult.error("The MCP server " + tool.server() + " failed: " + e.getMessage());
                }
                text = result.text().isEmpty() && result.structuredContent() != null
                        ? JsonCodec.write(result.structuredContent()) : result.text();
                listener.toolResult(tool.server(), tool.definition().name(), result.isError(), text);
                if (result.isError()) {
                    text = "Error: " + text;
                }
            }
        }
        return JsonCodec.object().add("role", "tool").add("tool_call_id", call.id()).add("content", text).build();
    }
}
