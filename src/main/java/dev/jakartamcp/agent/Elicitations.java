package dev.jakartamcp.agent;

import dev.jakartamcp.mcp.client.Elicitation;
import dev.jakartamcp.mcp.client.ElicitationHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays an MCP server's elicitation to the person in the chat and waits for their answer;
 * unanswered, it counts as a decline after {@code agent.elicitation.timeout-seconds}.
 */
@ApplicationScoped
public class Elicitations {

    @Inject
    @ConfigProperty(name = "agent.elicitation.timeout-seconds", defaultValue = "110")
    long timeoutSeconds;

    private record Pending(String conversation, CompletableFuture<ElicitationHandler.Answer> answer) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    ElicitationHandler.Answer ask(String conversation, TurnListener listener, Elicitation question) {
        String id = UUID.randomUUID().toString();
        Pending waiting = new Pending(conversation, new CompletableFuture<>());
        pending.put(id, waiting);
        // the server gave up on its question (timeout, cancelled call): the page closes the dialog
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
        question.onCancel(() -> {
            if (waiting.answer().complete(ElicitationHandler.Answer.cancel())) {
                listener.elicitationClosed(id, question.cancelReason());
            }
        });
        try {
            listener.elicitation(id, question.message(), question.requestedSchema());
            return waiting.answer().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return ElicitationHandler.Answer.decline();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ElicitationHandler.Answer.cancel();
        } catch (ExecutionException e) {
            return ElicitationHandler.Answer.cancel();
        } finally {
            pending.remove(id);
        }
    }

    /** Cancels every question waiting in the conversation: its turn has ended. */
    public void cancelAll(String conversation) {
        pending.values().stream().filter(p -> p.conversation().equals(conversation))
                .forEach(p -> p.answer().complete(ElicitationHandler.Answer.cancel()));
    }

    /** False when no such question is waiting in that conversation (answered, timed out or unknown). */
    public boolean answer(String conversation, String id, String action, JsonObject content) {
        Pending waiting = pending.get(id);
        if (waiting == null || !waiting.conversation().equals(conversation)) {
            return false;
        }
        return waiting.answer().complete(new ElicitationHandler.Answer(action, content));
    }
}
