package dev.jakartamcp.agent;

import dev.jakartamcp.mcp.client.Elicitation;
import dev.jakartamcp.mcp.client.ElicitationHandler;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The question registry the chat and the tools console share: owners, the cap, the timeout. */
class ElicitationsTest {

    private final BlockingQueue<String> shown = new LinkedBlockingQueue<>();
    private final QuestionListener page = (id, message, schema) -> shown.add(id);

    private Elicitations registry(long timeoutSeconds, int maxPending) {
        Elicitations e = new Elicitations();
        e.timeoutSeconds = timeoutSeconds;
        e.maxPending = maxPending;
        return e;
    }

    private CompletableFuture<ElicitationHandler.Answer> ask(Elicitations e, String owner) {
        return CompletableFuture.supplyAsync(() -> e.ask(owner, page, new Elicitation("Sure?", JsonValue.EMPTY_JSON_OBJECT)));
    }

    @Test
    void onlyTheOwnerAnswers() throws Exception {
        Elicitations e = registry(30, 10);
        CompletableFuture<ElicitationHandler.Answer> asked = ask(e, "tools-console");
        String id = shown.poll(5, TimeUnit.SECONDS);
        assertNotNull(id);
        assertFalse(e.answer("some-conversation", id, "accept", null), "another owner's question");
        assertFalse(e.answer("tools-console", "no-such-id", "accept", null));
        JsonObject content = jakarta.json.Json.createObjectBuilder().add("confirm", true).build();
        assertTrue(e.answer("tools-console", id, "accept", content));
        assertEquals(new ElicitationHandler.Answer("accept", content), asked.get(5, TimeUnit.SECONDS));
        assertFalse(e.answer("tools-console", id, "decline", null), "answered once");
    }

    @Test
    void unansweredIsADeclineAfterTheTimeout() throws Exception {
        Elicitations e = registry(1, 10);
        assertEquals("decline", ask(e, "c").get(5, TimeUnit.SECONDS).action());
    }

    @Test
    void beyondTheCapAQuestionIsCancelledUnseen() throws Exception {
        Elicitations e = registry(30, 1);
        CompletableFuture<ElicitationHandler.Answer> first = ask(e, "c");
        String id = shown.poll(5, TimeUnit.SECONDS);
        assertEquals("cancel", ask(e, "c").get(5, TimeUnit.SECONDS).action());
        assertTrue(shown.isEmpty(), "the second question was never shown");
        e.cancel("c", id);
        assertEquals("cancel", first.get(5, TimeUnit.SECONDS).action());
        CompletableFuture<ElicitationHandler.Answer> again = ask(e, "c"); // room again
        assertNotNull(shown.poll(5, TimeUnit.SECONDS));
        e.cancelAll("c");
        assertEquals("cancel", again.get(5, TimeUnit.SECONDS).action());
    }
}
