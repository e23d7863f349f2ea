package dev.jakartamcp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 2026-07-28 revision on /mcp, beside the 2025 sessions: a request carrying the _meta envelope
 * is served without a session. Raw HTTP against the real WAR; each test names the rule.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 */
@ExtendWith(ArquillianExtension.class)
class McpStatelessIT {

    static final String V2026 = "2026-07-28";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL deployed;

    RawMcp mcp;

    @BeforeEach
    void connect() {
        mcp = new RawMcp(Deployments.localBase(deployed));
    }

    // ---- era selection and the envelope ----

    @Test
    void discoverNeedsNoSession() {
        HttpResponse<String> r = post("server/discover", null, params(), headers("server/discover", null));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session on 2026");
        JsonObject result = result(r);
        assertEquals(V2026, result.getJsonArray("supportedVersions").getString(0));
        assertTrue(result.getJsonArray("supportedVersions").toString().contains("2025-11-25"));
        JsonObject caps = result.getJsonObject("capabilities");
        assertTrue(caps.containsKey("tools") && caps.containsKey("resources") && caps.containsKey("prompts"), caps.toString());
        // resource updates and list changes travel on subscriptions/listen
        assertTrue(caps.getJsonObject("resources").getBoolean("subscribe"), caps.toString());
        assertTrue(caps.getJsonObject("tools").getBoolean("listChanged"), caps.toString());
        assertTrue(result.containsKey("instructions"));
        assertComplete(result);
        assertTrue(result.getJsonNumber("ttlMs").longValue() >= 0);
        assertEquals("public", result.getString("cacheScope"));
    }

    @Test
    void missingProtocolVersionIs400InvalidParams() {
        JsonObjectBuilder p = Json.createObjectBuilder().add("_meta", Json.createObjectBuilder()
                .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder()));
        assertError(400, -32602, post("tools/list", null, p, headers("tools/list", null)));
    }

    @Test
    void missingClientCapabilitiesIs400InvalidParams() {
        JsonObjectBuilder p = Json.createObjectBuilder().add("_meta", Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", V2026));
        assertError(400, -32602, post("tools/list", null, p, headers("tools/list", null)));
    }

    @Test
    void versionHeaderDifferentFromMetaIs400HeaderMismatch() {
        Map<String, String> h = headers("tools/list", null);
        h.put("MCP-Protocol-Version", "2025-11-25");
        assertError(400, -32020, post("tools/list", null, params(), h));
    }

    @Test
    void unsupportedVersionIs400WithSupportedAndRequested() {
        JsonObjectBuilder p = Json.createObjectBuilder().add("_meta", meta("2099-01-01"));
        Map<String, String> h = headers("tools/list", null);
        h.put("MCP-Protocol-Version", "2099-01-01");
        JsonObject error = assertError(400, -32022, post("tools/list", null, p, h));
        assertEquals("2099-01-01", error.getJsonObject("data").getString("requested"));
        assertTrue(error.getJsonObject("data").getJsonArray("supported").toString().contains(V2026));
    }

    @Test
    void missingOrWrongMcpMethodIs400HeaderMismatch() {
        assertError(400, -32020, post("tools/list", null, params(), headers(null, null)));
        assertError(400, -32020, post("tools/list", null, params(), headers("prompts/list", null)));
    }

    @Test
    void missingOrWrongMcpNameIs400HeaderMismatch() {
        JsonObjectBuilder call = params().add("name", "get_user_by_id").add("arguments", Json.createObjectBuilder().add("id", 1));
        assertError(400, -32020, post("tools/call", null, call, headers("tools/call", null)));
        call = params().add("name", "get_user_by_id").add("arguments", Json.createObjectBuilder().add("id", 1));
        assertError(400, -32020, post("tools/call", null, call, headers("tools/call", "search_users")));
        JsonObjectBuilder read = params().add("uri", "users://1");
        assertError(400, -32020, post("resources/read", null, read, headers("resources/read", "users://2")));
        JsonObjectBuilder prompt = params().add("name", "find_or_add_user");
        assertError(400, -32020, post("prompts/get", null, prompt, headers("prompts/get", null)));
    }

    @Test
    void mcpNameInBase64FormMatches() {
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("get_user_by_id".getBytes(StandardCharsets.UTF_8)) + "?=";
        JsonObjectBuilder call = params().add("name", "get_user_by_id").add("arguments", Json.createObjectBuilder().add("id", 1));
        HttpResponse<String> r = post("tools/call", null, call, headers("tools/call", encoded));
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(result(r).getBoolean("isError", false), r.body());
    }

    // ---- methods ----

    @ParameterizedTest
    @ValueSource(strings = {"initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe", "no/such/method"})
    void removedAndUnknownMethodsAre404MethodNotFound(String method) {
        JsonObjectBuilder p = params();
        if (method.startsWith("resources/")) p.add("uri", "users://1");
        if (method.equals("logging/setLevel")) p.add("level", "debug");
        if (method.equals("initialize")) p.add("protocolVersion", V2026).add("capabilities", Json.createObjectBuilder())
                .add("clientInfo", Json.createObjectBuilder().add("name", "t").add("version", "1"));
        HttpResponse<String> r = post(method, null, p, headers(method, null));
        assertError(404, -32601, r);
        assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty(), "initialize with the envelope opens no session");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tools/list", "prompts/list", "resources/list", "resources/templates/list"})
    void listsAreCompleteWithCacheHints(String method) {
        HttpResponse<String> r = post(method, null, params(), headers(method, null));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject result = result(r);
        assertComplete(result);
        assertTrue(result.getJsonNumber("ttlMs").longValue() >= 0);
        assertEquals("public", result.getString("cacheScope"));
    }

    @Test
    void resourceReadIsCompleteWithCacheHints() {
        HttpResponse<String> r = post("resources/read", null, params().add("uri", "users://1"), headers("resources/read", "users://1"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject result = result(r);
        assertComplete(result);
        assertEquals("private", result.getString("cacheScope"));
        assertEquals("users://1", result.getJsonArray("contents").getJsonObject(0).getString("uri"));
    }

    @Test
    void resourceNotFoundIsInvalidParamsOn2026() {
        HttpResponse<String> r = post("resources/read", null, params().add("uri", "users://999999"),
                headers("resources/read", "users://999999"));
        assertError(200, -32602, r);
    }

    @Test
    void getUserByIdAndSearchUsersWorkWithoutASession() {
        JsonObjectBuilder get = params().add("name", "get_user_by_id").add("arguments", Json.createObjectBuilder().add("id", 1));
        HttpResponse<String> r = post("tools/call", null, get, headers("tools/call", "get_user_by_id"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject got = result(r);
        assertFalse(got.getBoolean("isError", false), r.body());
        assertComplete(got);
        assertFalse(got.containsKey("ttlMs"), "tool results carry no cache hints");

        JsonObjectBuilder search = params().add("name", "search_users").add("arguments", Json.createObjectBuilder().add("name", "Karen"));
        r = post("tools/call", null, search, headers("tools/call", "search_users"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject found = result(r);
        assertFalse(found.getBoolean("isError", false), r.body());
        assertTrue(found.getJsonArray("content").getJsonObject(0).getString("text").startsWith("Found"), r.body());
        assertComplete(found);
    }

    @Test
    void aSessionIdOnA2026RequestIsIgnored() {
        HttpResponse<String> r = post("tools/list", "no-such-session", params(), headers("tools/list", null));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void noLogWithoutALevel() {
        JsonObjectBuilder search = params().add("name", "search_users").add("arguments", Json.createObjectBuilder().add("name", "Karen"));
        HttpResponse<String> r = post("tools/call", null, search, headers("tools/call", "search_users"));
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("notifications/message"), r.body());
    }

    @Test
    void deleteUserWithoutElicitationIs400MissingCapability() {
        JsonObjectBuilder call = params().add("name", "delete_user").add("arguments", Json.createObjectBuilder().add("id", 2));
        JsonObject error = assertError(400, -32021, post("tools/call", null, call, headers("tools/call", "delete_user")));
        assertTrue(error.getJsonObject("data").getJsonObject("requiredCapabilities").containsKey("elicitation"), error.toString());
    }

    /**
     * The confirmation is asked with an InputRequiredResult, never as a request on a stream;
     * nothing is deleted before the answer (McpMrtrIT follows the retries).
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
     */
    @Test
    void deleteUserWithElicitationAsksThroughAnInputRequiredResult() {
        JsonObjectBuilder p = Json.createObjectBuilder().add("_meta", Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", V2026)
                .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder().add("elicitation", Json.createObjectBuilder())))
                .add("name", "delete_user").add("arguments", Json.createObjectBuilder().add("id", 3));
        HttpResponse<String> r = post("tools/call", null, p, headers("tools/call", "delete_user"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "one JSON answer, no stream carrying a server-to-client request: " + r.headers());
        JsonObject result = result(r);
        assertEquals("input_required", result.getString("resultType"), r.body());
        assertEquals("elicitation/create", result.getJsonObject("inputRequests").getJsonObject("elicitation-1").getString("method"));
        assertFalse(result.getString("requestState").isBlank());
        JsonObjectBuilder get = params().add("name", "get_user_by_id").add("arguments", Json.createObjectBuilder().add("id", 3));
        assertFalse(result(post("tools/call", null, get, headers("tools/call", "get_user_by_id"))).getBoolean("isError", false));
    }

    // ---- the 2025 era on the same endpoint ----

    // ---- streams: subscriptions/listen, SSE answers, no GET or DELETE ----

    /**
     * The listen stream: acknowledged first with the honoured filter, then only the requested types,
     * each tagged with the listen request's id; a resource update made through a 2025 session reaches it.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    @Test
    void listenAcknowledgesThenCarriesTaggedResourceUpdatesOnly() throws Exception {
        JsonObjectBuilder filter = Json.createObjectBuilder().add("resourcesListChanged", true)
                .add("resourceSubscriptions", Json.createArrayBuilder().add("users://8"));
        Lines lines = listen("listen-1", filter);
        JsonObject ack = lines.nextMessage();
        assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"), ack.toString());
        assertEquals("listen-1", ack.getJsonObject("params").getJsonObject("_meta").getString("io.modelcontextprotocol/subscriptionId"));
        JsonObject honoured = ack.getJsonObject("params").getJsonObject("notifications");
        assertEquals("[\"users://8\"]", honoured.getJsonArray("resourceSubscriptions").toString());
        assertFalse(honoured.containsKey("resourcesListChanged"), "the resource list never changes: not honoured");

        String session = mcp.openSession("2025-11-25");
        mcp.request(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"update_user\","
                + "\"arguments\":{\"id\":9,\"new_info\":{\"company\":\"Unwatched\"}}}}");
        mcp.request(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"update_user\","
                + "\"arguments\":{\"id\":8,\"new_info\":{\"company\":\"Watched\"}}}}");
        JsonObject update = lines.nextMessage();
        assertEquals("notifications/resources/updated", update.getString("method"), update.toString());
        assertEquals("users://8", update.getJsonObject("params").getString("uri"), "users://9 was not asked for");
        assertEquals("listen-1", update.getJsonObject("params").getJsonObject("_meta").getString("io.modelcontextprotocol/subscriptionId"));
        assertTrue(lines.ids.isEmpty(), "no event ids on 2026 streams: " + lines.ids);
        mcp.delete(session);
        lines.close();
    }

    /**
     * A tool call whose _meta asks for logs and progress is answered on an SSE stream: the logs at or
     * above the level, the progress with the token echoed, then the response; no event ids.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    @Test
    void aCallThatAsksForLogsAndProgressIsAnsweredOnAStream() {
        JsonObjectBuilder meta = meta(V2026).add("io.modelcontextprotocol/logLevel", "debug").add("progressToken", 77);
        // every user: more than SearchUsersTool.PROGRESS_STEP, so it reports progress
        JsonObjectBuilder search = Json.createObjectBuilder().add("_meta", meta).add("name", "search_users")
                .add("arguments", Json.createObjectBuilder());
        HttpResponse<String> r = post("tools/call", null, search, headers("tools/call", "search_users"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), r.headers().toString());
        assertEquals("no", r.headers().firstValue("X-Accel-Buffering").orElse(""));
        assertFalse(r.body().lines().anyMatch(l -> l.startsWith("id:")), "no event ids on 2026: " + r.body());
        List<JsonObject> messages = RawMcp.sseMessages(r.body());
        assertTrue(messages.stream().anyMatch(m -> "notifications/message".equals(m.getString("method", ""))
                && "debug".equals(m.getJsonObject("params").getString("level"))), r.body());
        assertTrue(messages.stream().anyMatch(m -> "notifications/progress".equals(m.getString("method", ""))
                && m.getJsonObject("params").getInt("progressToken") == 77), r.body());
        JsonObject last = messages.get(messages.size() - 1);
        assertEquals("complete", last.getJsonObject("result").getString("resultType"), r.body());
        assertTrue(messages.stream().noneMatch(m -> m.containsKey("method") && m.containsKey("id")), "no requests to the client");
    }

    @Test
    void listenWithoutAFilterIs400InvalidParams() {
        assertError(400, -32602, post("subscriptions/listen", null, params(), headers("subscriptions/listen", null)));
    }

    /** https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http */
    @Test
    void getAndDeleteOnA2026ExchangeAre405AllowPost() {
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> r = mcp.send(HttpRequest.newBuilder(mcp.endpoint).header("Accept", "text/event-stream")
                    .header("MCP-Protocol-Version", V2026).method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, r.statusCode(), method + " " + r.body());
            assertEquals("POST", r.headers().firstValue("Allow").orElse(""), method);
        }
    }

    private record Lines(BlockingQueue<String> queue, List<String> ids, HttpResponse<java.util.stream.Stream<String>> response) {
        JsonObject nextMessage() throws InterruptedException {
            for (String line; (line = queue.poll(10, TimeUnit.SECONDS)) != null; ) {
                if (line.startsWith("id:")) {
                    ids.add(line);
                }
                if (line.startsWith("data:")) {
                    return RawMcp.json(line.substring(5).strip()).asJsonObject();
                }
            }
            throw new AssertionError("no message within 10 s");
        }

        void close() {
            response.body().close();
        }
    }

    private Lines listen(String id, JsonObjectBuilder filter) throws Exception {
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", "subscriptions/listen")
                .add("params", params().add("notifications", filter)).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp.endpoint).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        headers("subscriptions/listen", null).forEach(request::header);
        // a connection of its own, HTTP/1.1: on Payara a long stream answering the very request that upgrades
        // a connection to h2c stalls the rest of that connection (see README, subscriptions/listen)
        java.net.http.HttpClient own = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        HttpResponse<java.util.stream.Stream<String>> response = own.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(""));
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(queue::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Lines(queue, new java.util.concurrent.CopyOnWriteArrayList<>(), response);
    }

    @Test
    void a2025SessionStillWorksBesideIt() {
        String session = mcp.openSession("2025-11-25");
        JsonObject list = mcp.request(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").getJsonObject("result");
        assertFalse(list.containsKey("resultType"), "2025 results keep their shape");
        JsonObject ping = mcp.request(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
        assertNotNull(ping.getJsonObject("result"));
        JsonObject missing = mcp.request(session,
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\",\"params\":{\"uri\":\"users://999999\"}}");
        assertEquals(-32002, missing.getJsonObject("error").getInt("code"));
        // and a 2026 request interleaved with it needs no session
        assertEquals(200, post("tools/list", null, params(), headers("tools/list", null)).statusCode());
        assertEquals(204, mcp.delete(session).statusCode());
    }

    @Test
    void initializeWithoutTheEnvelopeStillOpensASession() {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Mcp-Session-Id").isPresent());
    }

    // ---- helpers ----

    private int ids = 100;

    private HttpResponse<String> post(String method, String sessionId, JsonObjectBuilder params, Map<String, String> headers) {
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", ids++).add("method", method)
                .add("params", params).build().toString();
        return mcp.post(body, sessionId, headers);
    }

    private static JsonObjectBuilder meta(String version) {
        return Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", version)
                .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder())
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "stateless-it").add("version", "1"));
    }

    private static JsonObjectBuilder params() {
        return Json.createObjectBuilder().add("_meta", meta(V2026));
    }

    private static Map<String, String> headers(String method, String name) {
        Map<String, String> h = new HashMap<>();
        h.put("MCP-Protocol-Version", V2026);
        if (method != null) h.put("Mcp-Method", method);
        if (name != null) h.put("Mcp-Name", name);
        return h;
    }

    private static JsonObject result(HttpResponse<String> r) {
        JsonObject message = RawMcp.responseOf(r);
        assertTrue(message.containsKey("result"), r.body());
        return message.getJsonObject("result");
    }

    private static JsonObject assertError(int status, int code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject error = RawMcp.json(r.body()).asJsonObject().getJsonObject("error");
        assertNotNull(error, r.body());
        assertEquals(code, error.getInt("code"), r.body());
        return error;
    }

    private static void assertComplete(JsonObject result) {
        assertEquals("complete", result.getString("resultType"));
        JsonObject serverInfo = result.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo");
        assertEquals("jakarta-mcp-users", serverInfo.getString("name"));
    }
}
