package dev.jakartamcp.mcp.client;

import com.sun.net.httpserver.Headers;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both eras from the client's side: era detection, the 2026 envelope and headers, MRTR rounds, cached lists. */
class McpClientModernTest {

    private static final String DISCOVER = "{\"resultType\":\"complete\",\"supportedVersions\":[\"2026-07-28\"],"
            + "\"capabilities\":{\"tools\":{}},\"_meta\":{\"io.modelcontextprotocol/serverInfo\":{\"name\":\"modern\",\"version\":\"1\"}}}";

    private static String result(Object id, String json) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + json + "}";
    }

    private static String error(Object id, int code, String data) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ",\"message\":\"no\""
                + (data == null ? "" : ",\"data\":" + data) + "}}";
    }

    /** A request as the server saw it: body and the headers that matter here. */
    record Got(JsonObject body, Map<String, String> headers) {
        String method() {
            return body.getString("method");
        }

        JsonObject meta() {
            return body.getJsonObject("params").getJsonObject("_meta");
        }
    }

    private static Map<String, String> headers(Headers h) {
        Map<String, String> out = new ConcurrentHashMap<>();
        h.forEach((k, v) -> {
            String name = k.toLowerCase();
            if (name.startsWith("mcp-")) {
                out.put(name, v.get(0));
            }
        });
        return out;
    }

    interface Modern {
        String answer(Got request) throws IOException;
    }

    /** A stateless server: discover answered, everything else by {@code script}; every request kept. */
    private static ScriptedServer modern(List<Got> got, Modern script) throws IOException {
        return new ScriptedServer((exchange, body, self) -> {
            Got request = new Got(body, headers(exchange.getRequestHeaders()));
            got.add(request);
            String answer = "server/discover".equals(request.method()) ? result(body.get("id"), DISCOVER) : script.answer(request);
            int status = answer.contains("\"error\"") ? 400 : 200;
            ScriptedServer.json(exchange, status, answer, null);
        });
    }

    @Test
    void autoFallsBackToInitializeWhenTheProbeGetsA400WithoutA2026Error() throws Exception {
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s1");
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if (exchange.getRequestHeaders().getFirst("Mcp-Session-Id") == null) {
                ScriptedServer.json(exchange, 400, error(null, -32000, null), null);
            } else {
                ScriptedServer.json(exchange, 200, result(body.get("id"), "{\"tools\":[]}"), null);
            }
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            assertEquals("2025-11-25", client.protocolVersion());
            assertFalse(client.isStateless());
            assertEquals("s1", client.sessionId());
            assertEquals(List.of(), client.listTools());
            assertEquals(List.of("server/discover", "initialize", "notifications/initialized", "tools/list"),
                    server.seen.stream().map(ScriptedServer.Seen::rpcMethod).collect(Collectors.toList()));
        }
    }

    @Test
    void aFixedLegacyEraNeverProbes() throws Exception {
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            if ("initialize".equals(body.getString("method"))) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s1");
            } else {
                ScriptedServer.json(exchange, 202, "", null);
            }
        }); McpClient client = McpClient.builder(server.url()).protocol("2025-11-25").connect()) {
            assertEquals("2025-11-25", client.protocolVersion());
            assertEquals(0, server.count("server/discover"));
        }
    }

    @Test
    void unsupportedVersionNamingOursIsRetriedOnceAndStaysModern() throws Exception {
        AtomicInteger discovers = new AtomicInteger();
        List<Got> got = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            got.add(new Got(body, headers(exchange.getRequestHeaders())));
            if (discovers.incrementAndGet() == 1) {
                ScriptedServer.json(exchange, 400, error(body.get("id"), -32022,
                        "{\"supported\":[\"2026-07-28\"],\"requested\":\"2026-07-28\"}"), null);
            } else {
                ScriptedServer.json(exchange, 200, result(body.get("id"), DISCOVER), null);
            }
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            assertEquals("2026-07-28", client.protocolVersion());
            assertEquals("modern", client.serverInfo().name());
            assertEquals(2, got.size());
            assertEquals(0, server.count("initialize"));
        }
    }

    @Test
    void unsupportedVersionNamingOnlyLegacyOnesInitializesWithOneOfThem() throws Exception {
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body.getString("method");
            if ("server/discover".equals(method)) {
                ScriptedServer.json(exchange, 400, error(body.get("id"), -32022,
                        "{\"supported\":[\"2025-06-18\"],\"requested\":\"2026-07-28\"}"), null);
            } else if ("initialize".equals(method)) {
                assertEquals("2025-06-18", body.getJsonObject("params").getString("protocolVersion"));
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-06-18"), "s1");
            } else {
                ScriptedServer.json(exchange, 202, "", null);
            }
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            assertEquals("2025-06-18", client.protocolVersion());
        }
    }

    @Test
    void aModernServerRefusingTheProbeWithAHeaderErrorIsNotMistakenForALegacyOne() throws Exception {
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) ->
                ScriptedServer.json(exchange, 400, error(body.get("id"), -32020, null), null))) {
            McpClientException e = assertThrows(McpClientException.class, () -> McpClient.builder(server.url()).connect());
            assertEquals(-32020, e.code());
            assertEquals(0, server.count("initialize"));
        }
    }

    @Test
    void aProbeThatGetsNoAnswerIsATimeoutNotAFallback() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            McpClient client = McpClient.builder(server.url()).initializeTimeout(Duration.ofMillis(400)).build();
            McpClientException e = assertThrows(McpClientException.class, client::connect);
            release.countDown();
            assertTrue(e.getMessage().contains("server/discover timed out after 400 ms"), e.getMessage());
            assertEquals(0, server.count("initialize"));
            client.close();
        }
    }

    @Test
    void everyRequestCarriesTheEnvelopeAndTheStandardAndParamHeaders() throws Exception {
        List<Got> got = new CopyOnWriteArrayList<>();
        String tools = "{\"resultType\":\"complete\",\"tools\":["
                + "{\"name\":\"weather\",\"inputSchema\":{\"type\":\"object\",\"properties\":{"
                + "\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"},"
                + "\"days\":{\"type\":\"integer\",\"x-mcp-header\":\"Days\"},"
                + "\"exact\":{\"type\":\"boolean\",\"x-mcp-header\":\"Exact\"},"
                + "\"unset\":{\"type\":\"string\",\"x-mcp-header\":\"Unset\"},"
                + "\"query\":{\"type\":\"string\"}}}},"
                + "{\"name\":\"broken\",\"inputSchema\":{\"type\":\"object\",\"properties\":{"
                + "\"score\":{\"type\":\"number\",\"x-mcp-header\":\"Score\"}}}}]}";
        try (ScriptedServer server = modern(got, r -> switch (r.method()) {
            case "tools/list" -> result(r.body().get("id"), tools);
            case "tools/call" -> result(r.body().get("id"), "{\"resultType\":\"complete\",\"content\":[]}");
            default -> error(r.body().get("id"), -32601, null);
        }); McpClient client = McpClient.builder(server.url()).clientInfo("tester", "9")
                .elicitation((m, s) -> ElicitationHandler.Answer.decline()).connect()) {
            assertTrue(client.isStateless());
            assertNull(client.sessionId());
            assertEquals(List.of("weather"), client.listTools().stream().map(ToolDefinition::name).collect(Collectors.toList()),
                    "a tool with an invalid x-mcp-header is left out");
            client.callTool("weather", JsonCodec.parseObject("{\"region\":\" Zürich\",\"days\":3,\"exact\":false,\"query\":\"q\"}"));
            for (Got r : got) {
                assertEquals("2026-07-28", r.meta().getString("io.modelcontextprotocol/protocolVersion"));
                assertEquals("tester", r.meta().getJsonObject("io.modelcontextprotocol/clientInfo").getString("name"));
                assertTrue(r.meta().getJsonObject("io.modelcontextprotocol/clientCapabilities").containsKey("elicitation"));
                assertEquals("2026-07-28", r.headers().get("mcp-protocol-version"));
                assertEquals(r.method(), r.headers().get("mcp-method"));
                assertNull(r.headers().get("mcp-session-id"));
            }
            Got call = got.get(got.size() - 1);
            assertEquals("weather", call.headers().get("mcp-name"));
            assertEquals("=?base64?IFrDvHJpY2g=?=", call.headers().get("mcp-param-region"), "leading space and non-ASCII are encoded");
            assertEquals("3", call.headers().get("mcp-param-days"));
            assertEquals("false", call.headers().get("mcp-param-exact"));
            assertFalse(call.headers().containsKey("mcp-param-unset"), "an absent value sends no header");
            assertFalse(call.headers().containsKey("mcp-param-query"));
        }
    }

    @Test
    void inputRequiredIsAnsweredAndRetriedWithANewIdAndTheStateAsReceived() throws Exception {
        List<Got> got = new CopyOnWriteArrayList<>();
        String state = "s\u00e9t\\\"=?base64?x?= \\u0000";
        try (ScriptedServer server = modern(got, r -> {
            JsonObject p = r.body().getJsonObject("params");
            if (!p.containsKey("inputResponses")) {
                return result(r.body().get("id"), "{\"resultType\":\"input_required\",\"requestState\":\"" + state + "\",\"inputRequests\":{"
                        + "\"ok\":{\"method\":\"elicitation/create\",\"params\":{\"message\":\"Sure?\",\"requestedSchema\":{\"type\":\"object\","
                        + "\"properties\":{\"sure\":{\"type\":\"boolean\",\"default\":true}}}}},"
                        + "\"model\":{\"method\":\"sampling/createMessage\",\"params\":{\"messages\":[],\"maxTokens\":5}},"
                        + "\"where\":{\"method\":\"roots/list\"}}}");
            }
            return result(r.body().get("id"), "{\"resultType\":\"complete\",\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}");
        }); McpClient client = McpClient.builder(server.url())
                .elicitation((m, s) -> ElicitationHandler.Answer.accept(JsonCodec.parseObject("{}")))
                .sampling(p -> JsonCodec.parseObject("{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"hi\"},\"model\":\"m\"}"))
                .roots(List.of("file:///work")).connect()) {
            assertEquals("done", client.callTool("act", JsonCodec.parseObject("{\"x\":1}")).text());
            List<Got> calls = got.stream().filter(r -> r.method().equals("tools/call")).collect(Collectors.toList());
            assertEquals(2, calls.size());
            assertNotEquals(calls.get(0).body().get("id"), calls.get(1).body().get("id"), "the retry is a new request");
            JsonObject retry = calls.get(1).body().getJsonObject("params");
            assertEquals(JsonCodec.parseObject("{\"s\":\"" + state + "\"}").getString("s"), retry.getString("requestState"));
            assertEquals("{\"x\":1}", JsonCodec.write(retry.getJsonObject("arguments")));
            JsonObject answers = retry.getJsonObject("inputResponses");
            assertEquals("{\"action\":\"accept\",\"content\":{\"sure\":true}}", JsonCodec.write(answers.getJsonObject("ok")));
            assertEquals("hi", answers.getJsonObject("model").getJsonObject("content").getString("text"));
            assertEquals("file:///work", answers.getJsonObject("where").getJsonArray("roots").getJsonObject(0).getString("uri"));
            assertFalse(calls.get(0).body().getJsonObject("params").containsKey("requestState"));
        }
    }

    @Test
    void aServerThatNeverStopsAskingIsCutOffAfterTheRoundBound() throws Exception {
        List<Got> got = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = modern(got, r -> result(r.body().get("id"),
                "{\"resultType\":\"input_required\",\"requestState\":\"again\"}"));
             McpClient client = McpClient.builder(server.url()).maxInputRounds(3).connect()) {
            McpClientException e = assertThrows(McpClientException.class, () -> client.callTool("loop", null));
            assertTrue(e.getMessage().contains("maxInputRounds"), e.getMessage());
            assertEquals(4, got.stream().filter(r -> r.method().equals("tools/call")).count(), "the first call and 3 retries");
        }
    }

    @Test
    void tooManyQuestionsAtOnceOrAnUndeclaredKindFailClearly() throws Exception {
        List<Got> got = new CopyOnWriteArrayList<>();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            many.append(i == 0 ? "" : ",").append("\"q").append(i).append("\":{\"method\":\"roots/list\"}");
        }
        try (ScriptedServer server = modern(got, r -> result(r.body().get("id"), "{\"resultType\":\"input_required\",\"inputRequests\":{"
                + ("many".equals(r.body().getJsonObject("params").getString("name")) ? many : "\"s\":{\"method\":\"sampling/createMessage\",\"params\":{}}")
                + "}}")); McpClient client = McpClient.builder(server.url()).maxInputRequests(4).roots(List.of("file:///")).connect()) {
            McpClientException tooMany = assertThrows(McpClientException.class, () -> client.callTool("many", null));
            assertTrue(tooMany.getMessage().contains("maxInputRequests"), tooMany.getMessage());
            McpClientException undeclared = assertThrows(McpClientException.class, () -> client.callTool("sample", null));
            assertTrue(undeclared.getMessage().contains("sampling/createMessage"), undeclared.getMessage());
        }
    }

    @Test
    void listenOpensASubscriptionStreamWhoseNotificationsReachTheSameListeners() throws Exception {
        List<Got> got = new CopyOnWriteArrayList<>();
        List<String> changed = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch updated = new java.util.concurrent.CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            Got request = new Got(body, headers(exchange.getRequestHeaders()));
            got.add(request);
            switch (request.method()) {
                case "server/discover" -> ScriptedServer.json(exchange, 200, result(body.get("id"), DISCOVER), null);
                case "tools/list" -> ScriptedServer.json(exchange, 200, result(body.get("id"), "{\"ttlMs\":60000,\"tools\":[]}"), null);
                case "subscriptions/listen" -> {
                    String tag = "\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":" + body.get("id") + "}";
                    var out = ScriptedServer.sse(exchange);
                    ScriptedServer.event(out, "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/subscriptions/acknowledged\",\"params\":{" + tag
                            + ",\"notifications\":{\"toolsListChanged\":true}}}\n\n: keep-alive\n\n");
                    ScriptedServer.event(out, "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\",\"params\":{" + tag + "}}\n\n");
                    ScriptedServer.event(out, "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\",\"params\":{" + tag
                            + ",\"uri\":\"file:///a\"}}\n\n");
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> ScriptedServer.json(exchange, 404, error(body.get("id"), -32601, null), null);
            }
        }); McpClient client = McpClient.builder(server.url()).listen(true).resourceSubscriptions(List.of("file:///a"))
                .onListChanged(changed::add).onNotification((method, params) -> {
                    other.add(method + " " + params.getString("uri", ""));
                    if (method.equals("notifications/resources/updated")) {
                        updated.countDown();
                    }
                }).build()) {
            client.listTools(); // cached for 60 s ...
            client.connect();
            assertTrue(updated.await(5, java.util.concurrent.TimeUnit.SECONDS), other.toString());
            assertEquals("notifications/tools/list_changed", changed.get(0));
            assertTrue(other.contains("notifications/resources/updated file:///a"), other.toString());
            Got listen = got.stream().filter(r -> r.method().equals("subscriptions/listen")).findFirst().orElseThrow();
            assertEquals("{\"toolsListChanged\":true,\"promptsListChanged\":true,\"resourcesListChanged\":true,\"resourceSubscriptions\":[\"file:///a\"]}",
                    JsonCodec.write(listen.body().getJsonObject("params").getJsonObject("notifications")));
            assertEquals("subscriptions/listen", listen.headers().get("mcp-method"));
            assertEquals("2026-07-28", listen.meta().getString("io.modelcontextprotocol/protocolVersion"));
            client.listTools(); // ... but the change notification made it stale
            assertEquals(2, got.stream().filter(r -> r.method().equals("tools/list")).count());
        }
    }

    @Test
    void aListIsKeptForItsTtlAndFetchedEveryTimeWithoutOne() throws Exception {
        List<Got> got = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = modern(got, r -> switch (r.method()) {
            case "tools/list" -> result(r.body().get("id"), "{\"resultType\":\"complete\",\"ttlMs\":60000,\"cacheScope\":\"private\",\"tools\":[]}");
            case "prompts/list" -> result(r.body().get("id"), "{\"resultType\":\"complete\",\"ttlMs\":0,\"prompts\":[]}");
            default -> error(r.body().get("id"), -32601, null);
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            client.listTools();
            client.listTools();
            client.listPrompts();
            client.listPrompts();
            assertEquals(1, got.stream().filter(r -> r.method().equals("tools/list")).count(), "fresh for 60 s");
            assertEquals(2, got.stream().filter(r -> r.method().equals("prompts/list")).count(), "ttlMs 0: stale at once");
        }
        got.clear();
        try (ScriptedServer server = modern(got, r -> result(r.body().get("id"), "{\"ttlMs\":60000,\"tools\":[]}"));
             McpClient client = McpClient.builder(server.url()).maxCacheTtl(Duration.ZERO).connect()) {
            client.listTools();
            client.listTools();
            assertEquals(2, got.stream().filter(r -> r.method().equals("tools/list")).count(), "the client's cap wins");
        }
    }
}
