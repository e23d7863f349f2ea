package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server gives up on a question it asked: the handler learns of it, and no answer is sent. */
class McpClientServerCancelTest {

    private static final String ASK = "{\"jsonrpc\":\"2.0\",\"id\":\"ask\",\"method\":\"%s\",\"params\":%s}";
    private static final String ELICIT = String.format(ASK, "elicitation/create",
            "{\"message\":\"Delete?\",\"requestedSchema\":{\"type\":\"object\",\"properties\":{\"confirm\":{\"type\":\"boolean\"}}}}");
    private static final String SAMPLE = String.format(ASK, "sampling/createMessage",
            "{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}],\"maxTokens\":10}");

    /**
     * A tool that asks {@code question}, waits until the handler is running, cancels the question
     * (as our server does when its wait times out) and finishes; answers to "ask" are recorded.
     */
    private static ScriptedServer asksThenGivesUp(String question, CountDownLatch handlerRunning, List<String> answers) throws Exception {
        return new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if (body != null && (body.containsKey("result") || body.containsKey("error"))) {
                answers.add(body.toString());
                ScriptedServer.json(exchange, 202, "", null);
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: 1-1\ndata: " + question + "\n\n");
                try {
                    handlerRunning.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ScriptedServer.event(out, "id: 1-2\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                        + "\"params\":{\"requestId\":\"ask\",\"reason\":\"timed out\"}}\n\n");
                ScriptedServer.event(out, "id: 1-3\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + body.get("id")
                        + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"not deleted\"}]}}\n\n");
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        });
    }

    @Test
    void aHandlerBuiltWithOfLearnsOfTheCancellationAndItsAnswerIsNotSent() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        List<String> answers = new CopyOnWriteArrayList<>();
        AtomicReference<Elicitation> seen = new AtomicReference<>();
        CountDownLatch dialogClosed = new CountDownLatch(1);
        try (ScriptedServer server = asksThenGivesUp(ELICIT, running, answers);
             McpClient client = McpClient.builder(server.url()).elicitation(ElicitationHandler.of(question -> {
                 try {
                     seen.set(question);
                     question.onCancel(dialogClosed::countDown);
                     running.countDown();
                     // a dialog that would wait for a person; the cancellation ends it
                     question.cancelled().toCompletableFuture().get(5, TimeUnit.SECONDS);
                     return ElicitationHandler.Answer.accept(JsonCodec.object().add("confirm", true).build());
                 } catch (Exception e) {
                     return ElicitationHandler.Answer.accept(JsonCodec.object().add("confirm", true).build());
                 } finally {
                     returned.countDown();
                 }
             })).connect()) {
            assertEquals("not deleted", client.callTool("delete", null).text());
            assertTrue(dialogClosed.await(5, TimeUnit.SECONDS), "onCancel ran");
            assertTrue(returned.await(5, TimeUnit.SECONDS));
            Elicitation question = seen.get();
            assertTrue(question.isCancelled());
            assertEquals("timed out", question.cancelReason());
            assertEquals("Delete?", question.message());
            // the handler returned "accept"; that answer must never reach the server
            Thread.sleep(500);
            assertEquals(List.of(), answers);
        }
    }

    @Test
    void aPlainHandlerIsInterruptedAndItsAnswerIsNotSent() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        List<String> answers = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = asksThenGivesUp(ELICIT, running, answers);
             McpClient client = McpClient.builder(server.url()).elicitation((message, schema) -> {
                 running.countDown();
                 try {
                     new CompletableFuture<Void>().get(5, TimeUnit.SECONDS); // like the chat's relay, waiting for a person
                 } catch (InterruptedException e) {
                     interrupted.set(true);
                 } catch (Exception e) {
                     // timed out: the test fails below
                 } finally {
                     returned.countDown();
                 }
                 return ElicitationHandler.Answer.cancel();
             }).connect()) {
            assertEquals("not deleted", client.callTool("delete", null).text());
            assertTrue(returned.await(5, TimeUnit.SECONDS));
            assertTrue(interrupted.get(), "the handler's wait was interrupted");
            Thread.sleep(500);
            assertEquals(List.of(), answers);
        }
    }

    @Test
    void aSamplingHandlerIsInterruptedToo() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        List<String> answers = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = asksThenGivesUp(SAMPLE, running, answers);
             McpClient client = McpClient.builder(server.url()).sampling(params -> {
                 running.countDown();
                 try {
                     Thread.sleep(5000); // an LLM call
                 } catch (InterruptedException e) {
                     interrupted.set(true);
                 } finally {
                     returned.countDown();
                 }
                 return JsonCodec.object().add("role", "assistant").build();
             }).connect()) {
            assertEquals("not deleted", client.callTool("summarize", null).text());
            assertTrue(returned.await(5, TimeUnit.SECONDS));
            assertTrue(interrupted.get());
            Thread.sleep(500);
            assertEquals(List.of(), answers);
        }
    }

    @Test
    void aQuestionThatIsNotCancelledIsAnsweredAsBefore() throws Exception {
        List<String> answers = new CopyOnWriteArrayList<>();
        AtomicReference<Elicitation> seen = new AtomicReference<>();
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if (body != null && body.containsKey("result")) {
                answers.add(body.toString());
                ScriptedServer.json(exchange, 202, "", null);
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: 1-1\ndata: " + ELICIT + "\n\n");
                for (int i = 0; i < 250 && answers.isEmpty(); i++) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ScriptedServer.event(out, "id: 1-2\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + body.get("id")
                        + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"deleted\"}]}}\n\n");
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        }); McpClient client = McpClient.builder(server.url()).elicitation(ElicitationHandler.of(question -> {
            seen.set(question);
            return ElicitationHandler.Answer.accept(JsonCodec.object().add("confirm", true).build());
        })).connect()) {
            assertEquals("deleted", client.callTool("delete", null).text());
            assertEquals(1, answers.size());
            JsonObject answer = JsonCodec.parseObject(answers.get(0));
            assertEquals("\"ask\"", answer.get("id").toString());
            assertEquals("accept", answer.getJsonObject("result").getString("action"));
            assertFalse(seen.get().isCancelled());
        }
    }

    @Test
    void closingWithdrawsEveryOpenQuestion() {
        ServerRequests requests = new ServerRequests();
        ServerRequests.Answering a = requests.track(new dev.jakartamcp.mcp.protocol.JsonRpcMessage.Request(
                JsonCodec.number(7), "elicitation/create", JsonCodec.object().add("message", "Sure?").build()));
        requests.cancelAll("the client closed");
        assertTrue(a.elicitation.isCancelled());
        assertEquals("the client closed", a.elicitation.cancelReason());
        assertFalse(requests.finish(a), "a withdrawn question is not answered");
    }
}
