package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-initialize, resume, timeouts and cancellation, against a scripted HTTP server. */
class McpClientRecoveryTest {

    private static String toolResult(Object id, String text) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}}";
    }

    @Test
    void aLostSessionIsReinitializedOnceAndTheCallRetried() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-06-18"), "s" + sessions.incrementAndGet());
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                // the first session "expires" after its first call
                if ("s1".equals(session) && calls.incrementAndGet() > 1) {
                    ScriptedServer.json(exchange, 404, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"gone\"}}", null);
                } else {
                    ScriptedServer.json(exchange, 200, toolResult(body.get("id"), "ok from " + session), null);
                }
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            assertEquals("2025-06-18", client.protocolVersion(), "an older version the server chose is accepted");
            assertEquals("ok from s1", client.callTool("t", null).text());
            assertEquals("ok from s2", client.callTool("t", null).text(), "re-initialized transparently");
            assertEquals(2, server.count("initialize"));
            var calls2 = server.seen.stream().filter(s -> "tools/call".equals(s.rpcMethod())).toList();
            assertEquals("2025-06-18", calls2.get(0).protocolVersion(), "the negotiated version goes on every request");
        }
    }

    /**
     * A server that closes a kept-alive connection just as the client reuses it sends not one byte:
     * a list (or any request safe to repeat) is sent once more on a new connection; a tool that is not
     * safe to repeat is reported with an unknown outcome instead of being run twice.
     */
    @Test
    void aConnectionClosedWithoutAByteIsSentAgainOnlyWhenSafe() throws Exception {
        AtomicInteger lists = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s1");
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/list".equals(method) && lists.incrementAndGet() == 1
                    || "tools/call".equals(method) && calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the server drops the connection without answering");
            } else if ("tools/list".equals(method)) {
                ScriptedServer.json(exchange, 200, "{\"jsonrpc\":\"2.0\",\"id\":" + body.get("id")
                        + ",\"result\":{\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"}}]}}", null);
            } else if ("tools/call".equals(method)) {
                ScriptedServer.json(exchange, 200, toolResult(body.get("id"), "ran"), null);
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            assertEquals(List.of("t"), client.listTools().stream().map(dev.jakartamcp.mcp.protocol.ToolDefinition::name).toList(),
                    "tools/list was sent again");
            assertEquals(2, lists.get());
            McpClientException e = assertThrows(McpClientException.class, () -> client.callTool("t", null));
            assertTrue(e instanceof OutcomeUnknownException || e.getCause() instanceof OutcomeUnknownException, e.toString());
            assertEquals(1, calls.get(), "a tool without readOnlyHint/idempotentHint is not sent twice");
        }
    }

    @Test
    void initializeItselfIsNotRetried() throws Exception {
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> ScriptedServer.json(exchange, 404, "", null))) {
            McpClient client = McpClient.builder(server.url()).build();
            McpClientException e = assertThrows(McpClientException.class, client::connect);
            assertEquals(404, e.httpStatus());
            assertEquals(1, server.count("initialize"));
        }
    }

    @Test
    void aDroppedStreamIsResumedAfterTheRetryWithLastEventId() throws Exception {
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: p-1\r\nretry: 300\r\ndata: \r\n\r\n");
                ScriptedServer.event(out, "id: p-2\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"data\":\"working\"}}\n\n");
                // closes without the result
            } else if ("GET".equals(exchange.getRequestMethod()) && "p-2".equals(exchange.getRequestHeaders().getFirst("Last-Event-ID"))) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: p-3\ndata: " + toolResult(1 + 1, "resumed") + "\n\ndata: [DONE]\n\n");
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        })) {
            List<String> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (McpClient client = McpClient.builder(server.url()).protocol("2025-11-25").onLog((level, logger, data) -> logs.add(data.toString())).connect()) {
                CallToolResult result = client.callTool("slow", null);
                assertEquals("resumed", result.text());
                assertEquals(List.of("\"working\""), logs, "a notification before the cut is delivered once");
            }
            var post = server.seen.stream().filter(s -> "tools/call".equals(s.rpcMethod())).findFirst().orElseThrow();
            var get = server.seen.stream().filter(s -> "GET".equals(s.method()) && s.lastEventId() != null).findFirst().orElseThrow();
            assertEquals("p-2", get.lastEventId());
            assertEquals("s", get.sessionId());
            assertTrue(get.atMillis() - post.atMillis() >= 300, "waited the server's retry");
        }
    }

    @Test
    void aTimeoutSendsCancelledAndFails() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if ("notifications/cancelled".equals(method)) {
                assertEquals(2, body.getJsonObject("params").getInt("requestId"));
                cancelled.countDown();
                ScriptedServer.json(exchange, 202, "", null);
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: x-1\ndata:\n\n");
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        }); McpClient client = McpClient.builder(server.url()).protocol("2025-11-25").requestTimeout(Duration.ofMillis(500)).connect()) {
            McpClientException e = assertThrows(McpClientException.class, () -> client.callTool("slow", null));
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "notifications/cancelled was sent");
        }
    }

    @Test
    void aCallerCancelSendsCancelled() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if ("notifications/cancelled".equals(method)) {
                cancelled.countDown();
                ScriptedServer.json(exchange, 202, "", null);
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: x-1\ndata:\n\n");
                started.countDown();
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            CompletableFuture<CallToolResult> call = client.callToolAsync("slow", null);
            assertTrue(started.await(5, TimeUnit.SECONDS));
            call.cancel(true);
            assertThrows(CancellationException.class, call::join);
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "notifications/cancelled was sent");
        }
    }

    /**
     * tools/call streams send a priming event with a short retry and stay open until the test lets
     * them go; a resume (GET with Last-Event-ID) would be answered the same way.
     */
    private static ScriptedServer slowStreams(CountDownLatch started, CountDownLatch cancelled, CountDownLatch release) throws Exception {
        return new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if ("notifications/cancelled".equals(method)) {
                cancelled.countDown();
                ScriptedServer.json(exchange, 202, "", null);
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method) || "GET".equals(exchange.getRequestMethod())) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: 1-1\nretry: 20\ndata:\n\n");
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        });
    }

    @Test
    void aCancelledCallIsNotResumed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = slowStreams(started, cancelled, release); McpClient client = McpClient.builder(server.url()).connect()) {
            CompletableFuture<CallToolResult> call = client.callToolAsync("slow", null);
            assertTrue(started.await(5, TimeUnit.SECONDS));
            call.cancel(true);
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "notifications/cancelled was sent");
            release.countDown(); // the server ends the stream: a client still reading would resume it 20 ms later
            Thread.sleep(1000);
            assertEquals(0, server.seen.stream().filter(s -> s.lastEventId() != null).count(), "nobody waits, nothing is resumed");
        }
    }

    @Test
    void aTimedOutCallIsNotResumed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = slowStreams(started, cancelled, release);
             McpClient client = McpClient.builder(server.url()).requestTimeout(Duration.ofMillis(300)).connect()) {
            assertThrows(McpClientException.class, () -> client.callTool("slow", null));
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "notifications/cancelled was sent");
            release.countDown();
            Thread.sleep(1000);
            assertEquals(0, server.seen.stream().filter(s -> s.lastEventId() != null).count(), "nobody waits, nothing is resumed");
        }
    }

    @Test
    void serverRequestsOnTheStreamAreAnsweredWithDefaultsApplied() throws Exception {
        List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                assertTrue(body.getJsonObject("params").getJsonObject("capabilities").containsKey("elicitation"));
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if (body != null && body.containsKey("result")) {
                answers.add(body.toString());
                ScriptedServer.json(exchange, 202, "", null);
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: e-1\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"ask\",\"method\":\"elicitation/create\",\"params\":"
                        + "{\"message\":\"Sure?\",\"requestedSchema\":{\"type\":\"object\",\"properties\":{\"confirm\":{\"type\":\"boolean\"},"
                        + "\"age\":{\"type\":\"integer\",\"default\":30}}}}}\n\n");
                for (int i = 0; i < 100 && answers.isEmpty(); i++) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ScriptedServer.event(out, "id: e-2\ndata: " + toolResult(body.get("id"), "done") + "\n\n");
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        }); McpClient client = McpClient.builder(server.url())
                .elicitation((message, schema) -> ElicitationHandler.Answer.accept(JsonCodec.object().add("confirm", true).build()))
                .connect()) {
            assertEquals("done", client.callTool("ask", null).text());
            assertEquals(1, answers.size());
            assertTrue(answers.get(0).contains("\"id\":\"ask\""), answers.get(0));
            assertTrue(answers.get(0).contains("\"confirm\":true") && answers.get(0).contains("\"age\":30"),
                    "omitted fields get their defaults: " + answers.get(0));
        }
    }

    @Test
    void closeSendsDeleteAndA405IsFine() throws Exception {
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        })) {
            McpClient.builder(server.url()).connect().close();
            assertTrue(server.seen.stream().anyMatch(s -> "DELETE".equals(s.method()) && "s".equals(s.sessionId())));
            assertFalse(server.seen.stream().anyMatch(s -> "GET".equals(s.method())), "no standalone stream unless asked");
        }
    }
}
