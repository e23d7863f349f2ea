package dev.jakartamcp.chat;

import dev.jakartamcp.agent.Elicitations;
import dev.jakartamcp.agent.QuestionListener;
import dev.jakartamcp.agent.ToolBox;
import dev.jakartamcp.agent.TurnControl;
import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One tools-console call answered as a stream: the server's questions go to the page as
 * {@code elicitation} events (answered through {@link Elicitations} as its person's {@link #owner}), then one
 * {@code result} or {@code error} event ends it. The call is cancelled at the server when the page
 * leaves or the deadline passes. Nothing here blocks a thread: the MCP client's threads drive it.
 */
final class ConsoleCall {

    /** Whose questions the console's answer endpoint may answer: everyone's while identity is off, else each person's own. */
    static String owner(String person) {
        return person == null ? "tools-console" : "tools-console:" + person;
    }

    private final Elicitations elicitations;
    private final String owner;
    private final TurnControl control;
    private final EventStream events;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    ConsoleCall(Elicitations elicitations, String owner, Duration limit, jakarta.ws.rs.sse.SseEventSink sink,
                jakarta.ws.rs.sse.Sse sse) {
        this.elicitations = elicitations;
        this.owner = owner;
        this.control = new TurnControl(limit);
        this.events = new EventStream(sink, sse, () -> control.end("The page left before the tool answered."));
    }

    /** Declares elicitation for the call's session: the page can show the questions. */
    ElicitationHandler relay() {
        QuestionListener shown = new QuestionListener() {
            @Override
            public void elicitation(String id, String message, JsonObject requestedSchema) {
                asked.add(id);
                events.elicitation(id, message, requestedSchema);
            }

            @Override
            public void elicitationClosed(String id, String reason) {
                events.elicitationClosed(id, reason);
            }
        };
        return ElicitationHandler.of(question -> control.isEnded() ? ElicitationHandler.Answer.cancel()
                : elicitations.ask(owner, shown, question));
    }

    /** Starts the call on the box's session; the box is closed when the call ends. */
    void start(ToolBox box, String server, String tool, JsonObject arguments, ScheduledExecutorService scheduler,
               long heartbeatSeconds) {
        CompletableFuture<CallToolResult> call = box.callAsync(server, tool, arguments);
        control.onEnd(() -> call.cancel(true)); // tells the server (notifications/cancelled)
        // a comment now and then: the only way to notice a page that left while a question waits
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(events::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
        ScheduledFuture<?> deadline = scheduler.schedule(() -> control.end("The tool took longer than "
                + control.limit().toSeconds() + " s (agent.turn.timeout-seconds) and was stopped; whether it took effect is unknown."),
                control.limit().toMillis(), TimeUnit.MILLISECONDS);
        call.whenComplete((result, failure) -> {
            heartbeat.cancel(false);
            deadline.cancel(false);
            asked.forEach(id -> elicitations.cancel(owner, id)); // the server no longer waits for them
            if (control.isEnded()) {
                box.abandon(); // the call may still be winding down on its session: close rather than pool
            }
            box.close();
            if (result != null) {
                events.finish("result", ToolsConsoleResource.toJson(result));
            } else {
                events.finish("error", JsonCodec.object().add("message", why(failure)).build());
            }
        });
    }

    private String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            return control.reason() == null ? "The call was cancelled." : control.reason();
        }
        return "The MCP server failed: " + cause.getMessage();
    }
}
