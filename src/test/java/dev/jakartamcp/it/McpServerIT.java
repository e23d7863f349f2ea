package dev.jakartamcp.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Streamable HTTP transport and JSON-RPC rules of /mcp, asserted with raw HTTP against the real
 * WAR on a real Payara Micro. Each test names the rule it covers.
 */
@ExtendWith(ArquillianExtension.class)
class McpServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL deployed;

    RawMcp mcp;
    URI base;

    @BeforeEach
    void connect() {
        base = Deployments.localBase(deployed);
        mcp = new RawMcp(base);
    }

    // ---- lifecycle ----

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
    void initializeKeepsASupportedVersion(String version) {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(7, version), null);
        assertEquals(200, r.statusCode());
        JsonObject result = RawMcp.json(r.body()).asJsonObject().getJsonObject("result");
        assertEquals(version, result.getString("protocolVersion"));
        assertEquals("jakarta-mcp-users", result.getJsonObject("serverInfo").getString("name"));
        assertTrue(result.getJsonObject("capabilities").containsKey("tools"));
    }

    @Test
    void initializeAnswersAnUnknownVersionWithTheNewest() {
        JsonObject r = RawMcp.json(mcp.post(RawMcp.initializeBody(1, "2024-01-01"), null).body()).asJsonObject();
        assertEquals("2025-11-25", r.getJsonObject("result").getString("protocolVersion"));
    }

    @Test
    void sessionIdsAreLongRandomVisibleAscii() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = mcp.initialize("2025-11-25");
            assertTrue(id.length() >= 22, "at least 128 bits as base64: " + id);
            assertTrue(id.chars().allMatch(c -> c >= 0x21 && c <= 0x7E), id);
            ids.add(id);
        }
        assertEquals(5, ids.size());
    }

    @Test
    void initializedNotificationGets202WithEmptyBody() {
        String id = mcp.initialize("2025-11-25");
        HttpResponse<String> r = mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", id);
        assertEquals(202, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void onlyPingWorksBeforeInitialized() {
        String id = mcp.initialize("2025-11-25");
        JsonObject refused = mcp.request(id, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        assertEquals(-32600, refused.getJsonObject("error").getInt("code"));
        JsonObject ping = mcp.request(id, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ping.getJsonObject("result"));
    }

    @Test
    void deleteEndsTheSession() {
        String id = mcp.openSession("2025-11-25");
        assertEquals(204, mcp.delete(id).statusCode());
        HttpResponse<String> after = mcp.post(ping(1), id);
        assertEquals(404, after.statusCode());
        assertEquals(-32001, error(after).getInt("code"));
        assertEquals(404, mcp.delete(id).statusCode());
    }

    // ---- transport rules ----

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/event-stream", "text/html", ""})
    void acceptMustListJsonAndEventStream(String accept) {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null,
                Map.of("Accept", accept.isEmpty() ? "image/png" : accept));
        assertEquals(406, r.statusCode());
        assertEquals(-32000, error(r).getInt("code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void contentTypeMustBeJson(String type) {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null, Map.of("Content-Type", type));
        assertEquals(415, r.statusCode());
    }

    @Test
    void contentTypeWithCharsetIsJson() {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null,
                Map.of("Content-Type", "application/json; charset=utf-8"));
        assertEquals(200, r.statusCode());
    }

    @Test
    void hugeBodyGets413() {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(1_100_000) + "\"}}";
        HttpResponse<String> r = mcp.post(huge, mcp.openSession("2025-11-25"));
        assertEquals(413, r.statusCode());
    }

    @Test
    void hugeChunkedBodyWithoutLengthGets413() {
        byte[] huge = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(1_100_000) + "\"}}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(mcp.endpoint)
                .header("Content-Type", "application/json").header("Accept", RawMcp.ACCEPT_BOTH)
                .header("Mcp-Session-Id", mcp.openSession("2025-11-25"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();
        assertEquals(413, mcp.send(request).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mcp/~tool-json", "mcp/~tool-stream", "mcp/anything", "mcp/~tool-json/"})
    void pathsBelowTheEndpointAre404EvenWithAValidSessionAndCall(String path) {
        // the resource methods a tool call is routed to inside the endpoint are not reachable from outside
        String id = mcp.openSession("2025-11-25");
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").header("Accept", RawMcp.ACCEPT_BOTH).header("Mcp-Session-Id", id)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_user_by_id\",\"arguments\":{\"id\":1}}}"))
                .build();
        HttpResponse<String> r = mcp.send(request);
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("<html"), r.body());
    }

    /**
     * Undertow (WildFly) caps bodies at 10 MiB by default and would reset the connection; our 413
     * must come first. server-config/wildfly.cli raises the cap above what the app drains.
     */
    @Test
    void bodyOverTenMebibytesGets413() {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}}";
        HttpResponse<String> r = mcp.post(huge, mcp.openSession("2025-11-25"));
        assertEquals(413, r.statusCode(), r.body());
    }

    /**
     * A search for "%" (or "100%", "%41") is a search like any other: sent as typed, nothing found,
     * no error. RESTEasy's client (WildFly) throws on a lone "%"; such bad input must never count
     * against the user service's circuit breaker, or a few of them would cut the tools off for everyone.
     */
    @Test
    void percentSignsInSearchesNeverOpenTheCircuit() {
        String session = mcp.openSession("2025-11-25");
        for (String name : List.of("%", "%", "%", "%", "100%", "%41", "%", "%")) {
            JsonObject result = callTool(session, "search_users", "{\"name\":\"" + name + "\"}");
            assertFalse(result.getBoolean("isError", false), name + ": " + result);
            assertTrue(text(result).startsWith("No users match"), name + ": " + text(result));
        }
        JsonObject found = callTool(session, "search_users", "{\"name\":\"Karen\"}");
        assertFalse(found.getBoolean("isError", false), found.toString());
        assertTrue(text(found).startsWith("Found"), text(found));
        HttpResponse<String> health = mcp.send(HttpRequest.newBuilder(Servers.health(base, "ready")).GET().build());
        assertEquals(200, health.statusCode(), health.body());
    }

    @Test
    void missingSessionIdGets400() {
        HttpResponse<String> r = mcp.post(ping(1), null);
        assertEquals(400, r.statusCode());
        assertTrue(error(r).getString("message").contains("Mcp-Session-Id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-session", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "bad session id with spaces"})
    void unknownSessionGets404(String id) {
        assertEquals(404, mcp.post(ping(1), id).statusCode());
    }

    @Test
    void unsupportedProtocolVersionHeaderGets400() {
        String id = mcp.openSession("2025-11-25");
        HttpResponse<String> r = mcp.post(ping(1), id, Map.of("MCP-Protocol-Version", "2024-10-07"));
        assertEquals(400, r.statusCode());
        assertTrue(error(r).getString("message").contains("2024-10-07"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
    void anySupportedProtocolVersionHeaderIsAccepted(String version) {
        String id = mcp.openSession("2025-11-25");
        assertEquals(200, mcp.post(ping(1), id, Map.of("MCP-Protocol-Version", version)).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example.com", "http://localhost:1", "https://localhost.evil.com", "null"})
    void foreignOriginGets403(String origin) {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null, Map.of("Origin", origin));
        assertEquals(403, r.statusCode());
    }

    @Test
    void ownLocalhostOriginIsAllowed() {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null,
                Map.of("Origin", "http://localhost:" + base.getPort()));
        assertEquals(200, r.statusCode());
    }

    @Test
    void getNeedsASessionAndAcceptingEventStreams() {
        String session = mcp.openSession("2025-11-25");
        HttpResponse<String> noSession = mcp.send(HttpRequest.newBuilder(mcp.endpoint).header("Accept", "text/event-stream").GET().build());
        assertEquals(400, noSession.statusCode());
        HttpResponse<String> json = mcp.send(HttpRequest.newBuilder(mcp.endpoint).header("Accept", "application/json")
                .header("Mcp-Session-Id", session).GET().build());
        assertEquals(406, json.statusCode());
        HttpResponse<String> unknownEvent = mcp.send(HttpRequest.newBuilder(mcp.endpoint).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).header("Last-Event-ID", "99-1").GET().build());
        assertEquals(400, unknownEvent.statusCode());
    }

    @Test
    void conformanceFixturesAre404UnlessEnabled() {
        HttpResponse<String> r = mcp.send(HttpRequest.newBuilder(base.resolve("conformance/mcp"))
                .header("Content-Type", "application/json").header("Accept", RawMcp.ACCEPT_BOTH)
                .POST(HttpRequest.BodyPublishers.ofString(RawMcp.initializeBody(1, "2025-11-25"))).build());
        assertEquals(404, r.statusCode());
    }

    @Test
    void invalidLogLevelGets32602() {
        String session = mcp.openSession("2025-11-25");
        JsonObject bad = mcp.request(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}");
        assertEquals(-32602, bad.getJsonObject("error").getInt("code"));
        JsonObject good = mcp.request(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"debug\"}}");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, good.getJsonObject("result"));
    }

    @Test
    void subscribersHearOfUpdatesOnTheirStandaloneStream() throws Exception {
        String watcher = mcp.openSession("2025-11-25");
        JsonObject subscribed = mcp.request(watcher, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"users://7\"}}");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, subscribed.getJsonObject("result"));
        HttpRequest get = HttpRequest.newBuilder(mcp.endpoint).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", watcher).GET().build();
        HttpResponse<java.util.stream.Stream<String>> stream = mcp.http.send(get, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertTrue(lines.poll(5, java.util.concurrent.TimeUnit.SECONDS).startsWith("id: 0-"), "the standalone stream is primed");

        callTool(mcp.openSession("2025-11-25"), "update_user", "{\"id\":7,\"new_info\":{\"company\":\"Watched Inc\"}}");
        String notification = null;
        for (String line; notification == null && (line = lines.poll(5, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("data: ") && line.contains("notifications/resources/updated")) {
                notification = line;
            }
        }
        assertTrue(notification != null && notification.contains("\"uri\":\"users://7\""), String.valueOf(notification));
        mcp.delete(watcher);
    }

    @Test
    void putIsNotAllowed() {
        HttpResponse<String> r = mcp.send(HttpRequest.newBuilder(mcp.endpoint).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, r.statusCode());
    }

    // ---- JSON-RPC ----

    @Test
    void notJsonIsAParseErrorWithNullId() {
        HttpResponse<String> r = mcp.post("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ", mcp.openSession("2025-11-25"));
        assertEquals(400, r.statusCode());
        JsonObject body = RawMcp.json(r.body()).asJsonObject();
        assertEquals(-32700, body.getJsonObject("error").getInt("code"));
        assertEquals(JsonValue.NULL, body.get("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
            "\"just a string\""})
    void invalidRequestsGet32600(String body) {
        HttpResponse<String> r = mcp.post(body, mcp.openSession("2025-11-25"));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(-32600, error(r).getInt("code"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "7"})
    void paramsThatAreNotAnObjectGet32602(String params) {
        HttpResponse<String> r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":" + params + "}",
                mcp.openSession("2025-11-25"));
        assertEquals(400, r.statusCode());
        JsonObject body = RawMcp.json(r.body()).asJsonObject();
        assertEquals(-32602, body.getJsonObject("error").getInt("code"));
        assertEquals(5, body.getInt("id"));
    }

    @Test
    void unknownMethodGets32601() {
        JsonObject r = mcp.request(mcp.openSession("2025-11-25"), "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"users/teleport\"}");
        assertEquals(-32601, r.getJsonObject("error").getInt("code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "42", "0", "-7", "9007199254740993", "\"\"", "1.5"})
    void requestIdsAreEchoedExactly(String id) {
        HttpResponse<String> r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}", mcp.openSession("2025-11-25"));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"id\":" + id + ","), r.body());
    }

    @Test
    void batchesAreRefusedAfter2025_03_26() {
        String id = mcp.openSession("2025-06-18");
        HttpResponse<String> r = mcp.post("[" + ping(1) + "," + ping(2) + "]", id);
        assertEquals(400, r.statusCode());
        assertEquals(-32600, error(r).getInt("code"));
    }

    @Test
    void batchesAreAnsweredIn2025_03_26() {
        String id = mcp.openSession("2025-03-26");
        HttpResponse<String> r = mcp.post("[" + ping(1) + ",{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"two\",\"method\":\"nope\"},{\"jsonrpc\":\"2.0\",\"id\":3}]", id);
        assertEquals(200, r.statusCode());
        JsonArray answers = RawMcp.json(r.body()).asJsonArray();
        assertEquals(3, answers.size(), r.body());
        Map<String, JsonObject> byId = new HashMap<>();
        answers.forEach(a -> byId.put(a.asJsonObject().get("id").toString(), a.asJsonObject()));
        assertTrue(byId.get("1").containsKey("result"));
        assertEquals(-32601, byId.get("\"two\"").getJsonObject("error").getInt("code"));
        assertEquals(-32600, byId.get("3").getJsonObject("error").getInt("code"));
    }

    @Test
    void batchOfNotificationsGets202() {
        String id = mcp.openSession("2025-03-26");
        HttpResponse<String> r = mcp.post("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}]", id);
        assertEquals(202, r.statusCode());
    }

    // ---- tools ----

    @Test
    void toolsListIsPaginatedAndDescribesEveryTool() {
        String id = mcp.openSession("2025-11-25");
        Map<String, JsonObject> tools = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            JsonObject result = mcp.request(id, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":" + params + "}")
                    .getJsonObject("result");
            result.getJsonArray("tools").forEach(t -> tools.put(t.asJsonObject().getString("name"), t.asJsonObject()));
            cursor = result.containsKey("nextCursor") ? result.getString("nextCursor") : null;
            pages++;
        } while (cursor != null);
        assertEquals(Set.of("get_user_by_id", "search_users", "add_user", "update_user", "delete_user"), tools.keySet());
        assertEquals(3, pages, "page size 2 in the tests: 2 + 2 + 1");
        for (JsonObject tool : tools.values()) {
            assertFalse(tool.getString("title").isBlank());
            assertFalse(tool.getString("description").isBlank());
            assertEquals("object", tool.getJsonObject("inputSchema").getString("type"));
            assertTrue(tool.containsKey("annotations"));
        }
        assertTrue(tools.get("get_user_by_id").getJsonObject("annotations").getBoolean("readOnlyHint"));
        assertTrue(tools.get("search_users").getJsonObject("annotations").getBoolean("readOnlyHint"));
        assertTrue(tools.get("delete_user").getJsonObject("annotations").getBoolean("destructiveHint"));
        assertTrue(tools.get("update_user").getJsonObject("annotations").getBoolean("idempotentHint"));
        assertFalse(tools.get("add_user").getJsonObject("annotations").getBoolean("idempotentHint"));
        for (String returnsUsers : List.of("get_user_by_id", "search_users", "add_user", "update_user")) {
            assertEquals("object", tools.get(returnsUsers).getJsonObject("outputSchema").getString("type"), returnsUsers);
        }
        assertEquals(List.of("male", "female", "other"), tools.get("search_users").getJsonObject("inputSchema")
                .getJsonObject("properties").getJsonObject("gender").getJsonArray("enum").getValuesAs(JsonString::getString));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"garbage\"", "\"dG9vbHM6OTk5\"", "17"})
    void invalidCursorGets32602(String cursor) {
        JsonObject r = mcp.request(mcp.openSession("2025-11-25"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":" + cursor + "}}");
        assertEquals(-32602, r.getJsonObject("error").getInt("code"));
    }

    @Test
    void aToolThatNeverStreamsIsAnsweredWithPlainJson() {
        HttpResponse<String> r = mcp.post(call(12, "get_user_by_id", "{\"id\":1}"), mcp.openSession("2025-11-25"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().map().toString());
        JsonObject answer = RawMcp.json(r.body()).asJsonObject();
        assertEquals(12, answer.getInt("id"));
        assertFalse(answer.getJsonObject("result").getBoolean("isError", false), answer.toString());
        assertEquals("Karen", answer.getJsonObject("result").getJsonObject("structuredContent").getString("name"),
                "the seed is deterministic");
    }

    @Test
    void toolCallStreamsOneResponseOverSse() {
        HttpResponse<String> r = mcp.post(call(11, "search_users", "{\"name\":\"Zz\"}"), mcp.openSession("2025-11-25"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no", r.headers().firstValue("X-Accel-Buffering").orElse(""));
        var events = RawMcp.sseEvents(r.body());
        assertEquals(2, events.size(), r.body());
        events.forEach(e -> assertFalse(e.getKey().isEmpty(), "every event has an id"));
        assertEquals("", events.get(0).getValue(), "a priming event with empty data comes first");
        assertTrue(r.body().startsWith("id: "), r.body());
        assertTrue(r.body().contains("\nretry: "), "the priming event carries the reconnection delay");
        assertFalse(r.body().contains("[DONE]"));
        List<JsonObject> messages = RawMcp.sseMessages(r.body());
        JsonObject last = messages.get(messages.size() - 1);
        assertEquals(11, last.getInt("id"));
        assertFalse(last.getJsonObject("result").getBoolean("isError", false), last.toString());
        assertTrue(last.getJsonObject("result").containsKey("structuredContent"), last.toString());
    }

    @Test
    void toolResultsMaskCardNumbersAndDropTheCvv() {
        JsonObject result = callTool(mcp.openSession("2025-11-25"), "get_user_by_id", "{\"id\":1}");
        JsonObject card = result.getJsonObject("structuredContent").getJsonObject("credit_card");
        assertTrue(card.getString("num").matches("\\*{4}-\\*{4}-\\*{4}-\\d{4}"), card.toString());
        assertFalse(card.containsKey("cvv"));
        String text = result.getJsonArray("content").getJsonObject(0).getString("text");
        assertTrue(text.contains("****-****-****-4698"), text);
        assertFalse(text.contains("4711-6002"), text);
    }

    @Test
    void unknownToolGets32602() {
        JsonObject r = mcp.request(mcp.openSession("2025-11-25"), call(3, "launch_rockets", "{}"));
        assertEquals(-32602, r.getJsonObject("error").getInt("code"));
        assertTrue(r.getJsonObject("error").getString("message").contains("launch_rockets"));
    }

    @Test
    void wrongArgumentTypesAreToolErrorsThatSayWhatToFix() {
        String session = mcp.openSession("2025-11-25");
        assertToolError(session, "get_user_by_id", "{\"id\":\"seven\"}", "arguments.id: expected integer");
        assertToolError(session, "get_user_by_id", "{\"id\":1.5}", "arguments.id: expected integer");
        assertToolError(session, "get_user_by_id", "{}", "arguments.id: is required");
        assertToolError(session, "search_users", "{\"gender\":\"robot\"}", "arguments.gender: must be one of");
        assertToolError(session, "search_users", "{\"nickname\":\"x\"}", "arguments.nickname: is not a known property");
        assertToolError(session, "add_user", "{\"name\":\"A\",\"surname\":\"B\",\"email\":\"not-an-email\",\"about_me\":\"x\"}",
                "arguments.email: must be an email address");
        assertToolError(session, "add_user", "{\"name\":\"A\",\"surname\":\"B\",\"email\":\"a@b.io\",\"about_me\":\"x\","
                + "\"address\":{\"country\":\"X\"}}", "arguments.address.city: is required");
        assertToolError(session, "update_user", "{\"id\":1,\"new_info\":\"everything\"}", "arguments.new_info: expected object");
    }

    @Test
    void argumentsThatAreNotAnObjectGet32602() {
        JsonObject r = mcp.request(mcp.openSession("2025-11-25"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_user_by_id\",\"arguments\":[1]}}");
        assertEquals(-32602, r.getJsonObject("error").getInt("code"));
    }

    @Test
    void duplicateEmailIsAToolErrorAndAddsNobody() {
        String session = mcp.openSession("2025-11-25");
        String user = "{\"name\":\"Dana\",\"surname\":\"Unique\",\"email\":\"dana.unique@example.org\",\"about_me\":\"Tester\"}";
        JsonObject first = callTool(session, "add_user", user);
        assertFalse(first.getBoolean("isError", false), first.toString());
        JsonObject second = callTool(session, "add_user", user.replace("Dana", "Other"));
        assertTrue(second.getBoolean("isError"));
        assertTrue(text(second).contains("already registered"), text(second));
        JsonObject search = callTool(session, "search_users", "{\"email\":\"dana.unique@example.org\"}");
        assertEquals(1, search.getJsonObject("structuredContent").getInt("count"));
        assertEquals("Dana", search.getJsonObject("structuredContent").getJsonArray("users").getJsonObject(0).getString("name"));
    }

    @Test
    void invalidCardIsRefusedByTheServiceAndNothingIsWritten() {
        String session = mcp.openSession("2025-11-25");
        JsonObject r = callTool(session, "add_user", "{\"name\":\"Card\",\"surname\":\"Broken\",\"email\":\"card.broken@example.org\","
                + "\"about_me\":\"x\",\"credit_card\":{\"num\":\"1234 5678\",\"cvv\":\"12\",\"exp_date\":\"13/2030\"}}");
        assertTrue(r.getBoolean("isError"));
        JsonObject search = callTool(session, "search_users", "{\"email\":\"card.broken@example.org\"}");
        assertEquals(0, search.getJsonObject("structuredContent").getInt("count"));
    }

    @Test
    void missingUserIsAToolError() {
        JsonObject r = callTool(mcp.openSession("2025-11-25"), "get_user_by_id", "{\"id\":987654}");
        assertTrue(r.getBoolean("isError"));
        assertTrue(text(r).contains("No user with id 987654"), text(r));
    }

    @Test
    void updateChangesOnlyGivenFields() {
        String session = mcp.openSession("2025-11-25");
        JsonObject before = callTool(session, "get_user_by_id", "{\"id\":2}").getJsonObject("structuredContent");
        JsonObject after = callTool(session, "update_user", "{\"id\":2,\"new_info\":{\"company\":\"Renamed Ltd\"}}")
                .getJsonObject("structuredContent");
        assertEquals("Renamed Ltd", after.getString("company"));
        assertEquals(before.getString("email"), after.getString("email"));
        assertEquals(before.getString("surname"), after.getString("surname"));
    }

    @Test
    void serverStaysHealthyAfterBadInput() {
        String session = mcp.openSession("2025-11-25");
        List<String> garbage = new ArrayList<>(List.of("", "{", "[]", "null", "{\"jsonrpc\":\"2.0\"}", "\u0000\u0001",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":7}}"));
        for (String body : garbage) {
            int status = mcp.post(body, session).statusCode();
            assertTrue(status >= 200 && status < 500, "no 5xx for " + body + ": " + status);
        }
        assertEquals(200, mcp.post(ping(1), session).statusCode());
        HttpResponse<String> health = mcp.send(HttpRequest.newBuilder(Servers.health(base, "ready")).GET().build());
        assertEquals(200, health.statusCode(), health.body());
    }

    // ---- helpers ----

    private JsonObject callTool(String session, String tool, String arguments) {
        JsonObject r = mcp.request(session, call(1, tool, arguments));
        assertNull(r.get("error"), r.toString());
        return r.getJsonObject("result");
    }

    private void assertToolError(String session, String tool, String arguments, String expected) {
        JsonObject result = callTool(session, tool, arguments);
        assertTrue(result.getBoolean("isError", false), result.toString());
        assertTrue(text(result).contains(expected), "expected '" + expected + "' in: " + text(result));
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static String ping(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
    }

    private static JsonObject error(HttpResponse<String> r) {
        return RawMcp.json(r.body()).asJsonObject().getJsonObject("error");
    }


}
