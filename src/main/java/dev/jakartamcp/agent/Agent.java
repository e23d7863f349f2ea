package dev.jakartamcp.agent;

import dev.jakartamcp.agent.oauth.PendingSignIns;
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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tool-calling loop: model, then the tool calls it asks for (several in one turn run in
 * parallel), then the model again, until it answers without tools or the iteration cap is hit.
 * Tool errors go back to the model as tool messages, so it can correct itself. The whole turn is
 * bounded by {@code agent.turn.timeout-seconds}; what it stores is a valid conversation whenever it ends.
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
    McpSessions sessions;

    @Inject
    Elicitations elicitations;

    @Inject
    PendingSignIns signIns;

    @Inject
    HttpClient http;

    @Inject
    @ConfigProperty(name = "agent.system-prompt")
    java.util.Optional<String> systemPrompt;

    @Inject
    @ConfigProperty(name = "agent.max-iterations", defaultValue = "8")
    int maxIterations;

    @Inject
    @ConfigProperty(name = "agent.turn.timeout-seconds", defaultValue = "300")
    long turnTimeoutSeconds;

    @Resource(lookup = AgentExecutors.LLM)
    ManagedExecutorService llmExecutor;

    @Resource(lookup = AgentExecutors.TOOLS)
    ManagedExecutorService toolExecutor;

    public String systemPrompt() {
        return systemPrompt.filter(s -> !s.isBlank()).orElse(DEFAULT_SYSTEM_PROMPT);
    }

    /** A new turn's control, with the configured whole-turn deadline starting now. */
    public TurnControl newTurn() {
        return new TurnControl(Duration.ofSeconds(turnTimeoutSeconds));
    }

    /**
     * Runs one turn for a new user message, on the caller's thread, which is never interrupted. Its
     * messages go to {@code transcript} in valid groups as they are complete: the question first,
     * then each assistant message with all its tool results, then the answer.
     *
     * @param history the conversation so far in Chat Completions form, without the system prompt
     */
    public void run(String conversation, List<JsonObject> history, String userText, URI self, TurnListener events,
                    Transcript transcript, TurnControl control) {
        run(conversation, history, userText, self, url -> McpCredentials.NONE, events, transcript, control);
    }

    /** @param credentials whom the turn acts for on each MCP server, by URL (the signed-in person on ours) */
    public void run(String conversation, List<JsonObject> history, String userText, URI self,
                    java.util.function.Function<String, McpCredentials> credentials, TurnListener events,
                    Transcript transcript, TurnControl control) {
        TurnListener listener = new LiveListener(events, control);
        JsonObject question = JsonCodec.object().add("role", "user").add("content", userText).build();
        transcript.record(List.of(question));
        if (!llm.configured()) {
            listener.error("No LLM is configured: set agent.llm.endpoint (and agent.llm.api-key, agent.llm.model, "
                    + "agent.llm.flavor). The tools console works without one.");
            return;
        }
        List<JsonObject> sofar = new ArrayList<>(MessageSequence.valid(history));
        sofar.add(question);
        LlmClient client = new LlmClient(llm.toClientSettings(), http);
        ElicitationHandler relay = ElicitationHandler.of(asked -> control.isEnded() ? ElicitationHandler.Answer.cancel()
                : elicitations.ask(conversation, listener, asked));
        Runnable unregister = control.onEnd(() -> elicitations.cancelAll(conversation));
        ToolBox tools = null;
        // a server the person signs in to asks them through this turn, which waits for it
        TurnSignIn signIn = new TurnSignIn(signIns, listener, control);
        try {
            tools = openTools(self, signIn.asking(credentials), relay, control);
            tools.missing().forEach((server, why) -> listener.error("The MCP server " + server + " is unavailable (" + why
                    + "); its tools are missing from this answer."));
            for (int iteration = 0; iteration < maxIterations; iteration++) {
                List<JsonObject> messages = new ArrayList<>();
                messages.add(JsonCodec.object().add("role", "system").add("content", systemPrompt()).build());
                messages.addAll(sofar);
                LlmClient.Turn turn = ask(client, messages, tools.functions(), listener, control);
                JsonObject assistant = assistantMessage(turn);
                if (turn.toolCalls().isEmpty()) {
                    transcript.record(List.of(assistant));
                    return;
                }
                List<JsonObject> group = new ArrayList<>();
                group.add(assistant);
                group.addAll(runTools(tools, turn.toolCalls(), listener, control));
                transcript.record(group); // the calls with all their results, or none of it
                sofar.addAll(group);
                control.check();
            }
            listener.error("Stopped after " + maxIterations + " rounds of tool calls (agent.max-iterations).");
        } catch (LlmException | TurnControl.Ended e) {
            listener.error(e.getMessage());
        } finally {
            unregister.run();
            signIn.release();
            if (tools != null) {
                if (control.isEnded()) {
                    tools.abandon(); // calls may still be winding down on them: close rather than pool
                }
                tools.close();
            }
        }
    }

    /** Leases the servers' sessions off this thread, so even a hanging server cannot outlast the turn. */
    private ToolBox openTools(URI self, java.util.function.Function<String, McpCredentials> credentials,
                              ElicitationHandler relay, TurnControl control) {
        CompletableFuture<ToolBox> opening = CompletableFuture.supplyAsync(
                () -> new ToolBox(servers.servers(self), sessions, relay, credentials), toolExecutor);
        try {
            return control.await(opening);
        } catch (TurnControl.Ended e) {
            opening.thenAccept(box -> {
                box.abandon();
                box.close();
            });
            throw e;
        }
    }

    /**
     * Streams one model answer on the LLM executor. Ending the turn interrupts the request while it
     * waits for headers, and closes the stream once it is being read.
     */
    private LlmClient.Turn ask(LlmClient client, List<JsonObject> messages, List<JsonObject> functions,
                               TurnListener listener, TurnControl control) {
        AtomicReference<InputStream> body = new AtomicReference<>();
        CompletableFuture<LlmClient.Turn> answer = new CompletableFuture<>();
        Future<?> task = llmExecutor.submit(() -> {
            try {
                answer.complete(client.stream(messages, functions, listener::delta, stream -> {
                    body.set(stream);
                    if (control.isEnded()) {
                        closeQuietly(stream); // ended between the headers and here
                    }
                }));
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        Runnable unregister = control.onEnd(() -> {
            task.cancel(true);
            closeQuietly(body.get());
        });
        try {
            return control.await(answer);
        } finally {
            unregister.run();
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

    /**
     * All tool calls of one model turn at once, on the agent's tool executor; their results in the
     * order the model asked. When the turn ends first, a call still running gets a result saying so,
     * so every call has its answer.
     */
    private List<JsonObject> runTools(ToolBox tools, List<LlmClient.ToolCall> calls, TurnListener listener, TurnControl control) {
        List<CompletableFuture<JsonObject>> running = new ArrayList<>();
        for (LlmClient.ToolCall call : calls) {
            running.add(CompletableFuture.supplyAsync(() -> runTool(tools, call, listener, control), toolExecutor));
        }
        try {
            control.await(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)));
        } catch (TurnControl.Ended e) {
            // answered below; the caller sees the end at its next check
        }
        List<JsonObject> results = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            CompletableFuture<JsonObject> done = running.get(i);
            results.add(done.isDone() && !done.isCompletedExceptionally() ? done.join()
                    : toolMessage(calls.get(i).id(), "Error: " + unanswered(control)));
        }
        return results;
    }

    private static JsonObject runTool(ToolBox tools, LlmClient.ToolCall call, TurnListener listener, TurnControl control) {
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
                CallToolResult result = call(tools, tool, arguments, control);
                text = result.text().isEmpty() && result.structuredContent() != null
                        ? JsonCodec.write(result.structuredContent()) : result.text();
                listener.toolResult(tool.server(), tool.definition().name(), result.isError(), text);
                if (result.isError()) {
                    text = "Error: " + text;
                }
            }
        }
        return toolMessage(call.id(), text);
    }

    /** One call; ending the turn cancels it, which tells the server (notifications/cancelled). */
    private static CallToolResult call(ToolBox tools, ToolBox.Tool tool, JsonObject arguments, TurnControl control) {
        CompletableFuture<CallToolResult> call = tools.callAsync(tool, arguments);
        Runnable unregister = control.onEnd(() -> call.cancel(true));
        try {
            return call.join();
        } catch (CancellationException e) {
            return CallToolResult.error(unanswered(control));
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return CallToolResult.error("The MCP server " + tool.server() + " failed: " + cause.getMessage());
        } finally {
            unregister.run();
        }
    }

    /** What the model is told of a call the turn's end cut off, wherever that is noticed. */
    private static String unanswered(TurnControl control) {
        return "the turn ended before this tool answered (" + control.reason() + "); whether it took effect is unknown.";
    }

    private static JsonObject toolMessage(String callId, String text) {
        return JsonCodec.object().add("role", "tool").add("tool_call_id", callId).add("content", text).build();
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // closing to wake a reader: nothing to report
            }
        }
    }

    /** Passes a turn's events on while it runs; after its end only the error that says why. */
    private record LiveListener(TurnListener events, TurnControl control) implements TurnListener {
        @Override
        public void delta(String text) {
            if (!control.isEnded()) {
                events.delta(text);
            }
        }

        @Override
        public void toolCall(String server, String tool, JsonObject arguments) {
            if (!control.isEnded()) {
                events.toolCall(server, tool, arguments);
            }
        }

        @Override
        public void toolResult(String server, String tool, boolean isError, String text) {
            if (!control.isEnded()) {
                events.toolResult(server, tool, isError, text);
            }
        }

        @Override
        public void elicitation(String id, String message, JsonObject requestedSchema) {
            if (!control.isEnded()) {
                events.elicitation(id, message, requestedSchema);
            }
        }

        @Override
        public void elicitationClosed(String id, String reason) {
            if (!control.isEnded()) {
                events.elicitationClosed(id, reason);
            }
        }

        @Override
        public void signIn(String id, String server, String url) {
            if (!control.isEnded()) {
                events.signIn(id, server, url);
            }
        }

        @Override
        public void signInClosed(String id, String outcome) {
            if (!control.isEnded()) {
                events.signInClosed(id, outcome);
            }
        }

        @Override
        public void error(String message) {
            events.error(message);
        }
    }
}
