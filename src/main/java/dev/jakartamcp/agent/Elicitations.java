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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Relays an MCP server's question to a person (in the chat or the tools console) and waits for
 * their answer. Each question belongs to an owner (a conversation, the tools console) and is
 * answered only through it. Unanswered, it counts as a decline after
 * {@code agent.elicitation.timeout-seconds}; at most {@code agent.elicitation.max-pending} wait at
 * once, since each holds a thread of its MCP client.
 */
@ApplicationScoped
public class Elicitations {

    private static final Logger LOG = Logger.getLogger(Elicitations.class.getName());

    @Inject
    @ConfigProperty(name = "agent.elicitation.timeout-seconds", defaultValue = "110")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "agent.elicitation.max-pending", defaultValue = "100")
    int maxPending;

    private record Pending(String owner, CompletableFuture<ElicitationHandler.Answer> answer) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * Shows the question through {@code listener} and waits for its answer. Beyond the cap the
     * question is cancelled unseen: nobody could have answered it.
     */
    public ElicitationHandler.Answer ask(String owner, QuestionListener listener, Elicitation question) {
        if (waiting.incrementAndGet() > maxPending) {
            waiting.decrementAndGet();
            LOG.warning(() -> "more than " + maxPending + " questions wait for a person (agent.elicitation.max-pending); one was cancelled");
            return ElicitationHandler.Answer.cancel();
        }
        String id = UUID.randomUUID().toString();
        Pending open = new Pending(owner, new CompletableFuture<>());
        pending.put(id, open);
        // the server gave up on its question (timeout, cancelled call): the page closes the dialog
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
        question.onCancel(() -> {
            if (open.answer().complete(ElicitationHandler.Answer.cancel())) {
                listener.elicitationClosed(id, question.cancelReason());
            }
        });
        try {
            listener.elicitation(id, question.message(), question.requestedSchema());
            return open.answer().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return ElicitationHandler.Answer.decline();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ElicitationHandler.Answer.cancel();
        } catch (ExecutionException e) {
            return ElicitationHandler.Answer.cancel();
        } finally {
            pending.remove(id);
            waiting.decrementAndGet();
        }
    }

    /** Cancels every question waiting for this owner: e.g. its turn has ended. */
    public void cancelAll(String owner) {
        pending.values().stream().filter(p -> p.owner().equals(owner))
                .forEach(p -> p.answer().complete(ElicitationHandler.Answer.cancel()));
    }

    /** Cancels one question, when it still waits for this owner: e.g. the page that showed it left. */
    public void cancel(String owner, String id) {
        answer(owner, id, "cancel", null);
    }

    /** False when no such question is waiting for that owner (answered, timed out or unknown). */
    public boolean answer(String owner, String id, String action, JsonObject content) {
        Pending open = pending.get(id);
        if (open == null || !open.owner().equals(owner)) {
            return false;
        }
        return open.answer().complete(new ElicitationHandler.Answer(action, content));
    }
}
