package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine under attack, against the real WAR: each row of the attack table of the engine issue
 * gets its documented answer, the server stays healthy, and other sessions keep being served. The
 * limits are set small here so each attack reaches them quickly; the defaults are in the README.
 * Heap and replay bytes are read from the diagnostics endpoint, which this deployment turns on.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdversarialIT {

    static final String V = "2025-11-25";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig("""
                mcp.conformance.enabled=true
                mcp.diagnostics.enabled=true
                mcp.session.max-concurrent-requests=4
                mcp.session.max-pending-client-requests=2
                mcp.session.max-per-client=60
                mcp.rate.sessions-per-second=5
                mcp.rate.sessions-burst=40
                mcp.rate.stateless-requests-per-second=2
                mcp.rate.stateless-requests-burst=10
                mcp.stream.replay.max-stream-bytes=8192
                mcp.stream.replay.max-session-bytes=16384
                mcp.stream.replay.max-total-bytes=1048576
                mcp.stream.completed-retention-seconds=8
                mcp.client-request.timeout-seconds=4
                """);
    }

    @ArquillianResource
    URL deployed;

    RawMcp mcp;
    RawMcp conformance;
    final List<String> opened = new ArrayList<>();
    final List<String> openedConformance = new ArrayList<>();

    @BeforeEach
    void connect() {
        URI base = Deployments.localBase(deployed);
        mcp = new RawMcp(base);
        conformance = new RawMcp(base.resolve("conformance/"));
    }

    @AfterEach
    void closeSessions() {
        opened.forEach(mcp::delete);
        openedConformance.forEach(conformance::delete);
        assertHealthy();
    }

    private String session() {
        String id = mcp.openSession(V);
        opened.add(id);
        return id;
    }

    /** A conformance session that declares elicitation, so fixture tools can ask. */
    private String conformanceSession() {
        HttpResponse<String> r = conformance.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"" + V + "\",\"capabilities\":{\"elicitation\":{}},"
                + "\"clientInfo\":{\"name\":\"attacker\",\"version\":\"1\"}}}", null);
        assertEquals(200, r.statusCode(), r.body());
        String id = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertEquals(202, conformance.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", id).statusCode());
        openedConformance.add(id);
        return id;
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private JsonObject diagnostics(boolean gc) {
        HttpResponse<String> r = mcp.send(HttpRequest.newBuilder(Deployments.localBase(deployed)
                .resolve("diagnostics/mcp" + (gc ? "?gc=true" : ""))).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        return RawMcp.json(r.body()).asJsonObject();
    }

    /** A fresh session is served, quickly: the server is healthy whatever the attack did. */
    private void assertHealthy() {
        long started = System.nanoTime();
        String id = mcp.openSession(V);
        JsonObject answer = mcp.request(id, call(1, "get_user_by_id", "{\"id\":1}"));
        mcp.delete(id);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(answer.getJsonObject("result").getBoolean("isError", false), answer.toString());
        assertTrue(millis < 5_000, "a healthy server answers within seconds, took " + millis + " ms");
    }

    private static void assertLimitError(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent(), "Retry-After is set");
        assertEquals(-32010, RawMcp.json(r.body()).asJsonObject().getJsonObject("error").getInt("code"), r.body());
    }

    @Test
    @Order(1)
    void deeplyNestedJsonIsAParseError() {
        String id = session();
        HttpResponse<String> r = mcp.post("[".repeat(5000), id);
        assertEquals(400, r.statusCode(), r.body());
        JsonObject error = RawMcp.json(r.body()).asJsonObject().getJsonObject("error");
        assertEquals(-32700, error.getInt("code"));
        assertTrue(error.getString("message").contains("nested deeper than 64"), error.toString());
    }

    @Test
    @Order(2)
    void otherHttpMethodsAre405WithAllow() {
        for (String method : List.of("HEAD", "OPTIONS", "PUT", "PATCH")) {
            HttpResponse<String> r = mcp.send(HttpRequest.newBuilder(mcp.endpoint)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, r.statusCode(), method + ": " + r.body());
            assertEquals("GET, POST, DELETE", r.headers().firstValue("Allow").orElse(""), method);
        }
    }

    @Test
    @Order(3)
    void aHugeNumberIsRefusedFastNamingTheField() {
        String id = session();
        long started = System.nanoTime();
        JsonObject answer = mcp.request(id, call(2, "get_user_by_id", "{\"id\":1e10000000}"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonObject result = answer.getJsonObject("result");
        assertTrue(result.getBoolean("isError"), answer.toString());
        assertTrue(result.toString().contains("arguments.id: is out of range"), result.toString());
        assertTrue(millis < 2_000, "refused within milliseconds, took " + millis + " ms");
    }

    @Test
    @Order(4)
    void manyLargeResponsesKeepReplayWithinItsBudget() throws Exception {
        String id = session();
        searchAll(id, 1_000, 200); // warm: pools grow to their size, classes load, caches fill
        long before = diagnostics(true).getJsonNumber("heapUsedBytes").longValue();
        searchAll(id, 2_000, 300);
        JsonObject after = diagnostics(true);
        // the old engine kept every response in the session: 300 of these grew the heap by 150-200 MB
        // what every live session may keep (16 KiB each here), far below the node's 1 MiB: a byte that
        // was never given back would pile up towards the node's cap
        assertTrue(after.getJsonNumber("replayBytes").longValue() <= 16_384L * after.getInt("sessions"),
                "replay within the sessions' budgets: " + after);
        // the JVM's heap as a whole is reported, not asserted: the container keeps a varying amount of
        // per-connection and per-thread state after large responses (see the engine issue's note)
        System.out.println("AdversarialIT: heap after 300 responses of 1,000 users, after a full GC: "
                + (after.getJsonNumber("heapUsedBytes").longValue() - before) / 1024 + " KiB more than after warm-up");
    }

    /** {@code count} calls of search_users {} (every user), four at a time: the session's concurrency. */
    private void searchAll(String id, int firstId, int count) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(postAsync(mcp, id, call(firstId + i, "search_users", "{}")));
            if (calls.size() == 4 || i == count - 1) {
                for (var c : calls) {
                    assertEquals(200, c.get(60, TimeUnit.SECONDS).statusCode());
                }
                calls.clear();
            }
        }
    }

    @Test
    @Order(5)
    void aBusyStreamCannotPushOutAnotherStreamsUndeliveredResponse() {
        String id = conformanceSession();
        // the server closes this call's connection mid-call: its response is kept, never written
        HttpResponse<String> dropped = conformance.post(call(7, "test_reconnection", "{}"), id);
        assertEquals(200, dropped.statusCode(), dropped.body());
        String primingId = RawMcp.sseEvents(dropped.body()).get(0).getKey();
        assertFalse(dropped.body().contains("\"result\""), "no response before the drop: " + dropped.body());
        for (int i = 0; i < 40; i++) { // a burst on other streams, far beyond the session's replay budget
            assertEquals(200, conformance.post(call(100 + i, "test_tool_with_logging", "{}"), id).statusCode());
        }
        HttpResponse<String> resumed = conformance.send(HttpRequest.newBuilder(conformance.endpoint)
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", id).header("Last-Event-ID", primingId)
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertEquals(200, resumed.statusCode(), resumed.body());
        assertTrue(RawMcp.sseMessages(resumed.body()).stream().anyMatch(m -> m.containsKey("result") && m.getInt("id") == 7),
                "the final response survived the burst: " + resumed.body());
    }

    @Test
    @Order(6)
    void aResumeOlderThanWhatIsKeptIsToldSo() {
        String id = session();
        HttpResponse<String> r = mcp.post(call(3, "search_users", "{}"), id);
        String first = RawMcp.sseEvents(r.body()).get(0).getKey(); // the priming event
        for (int i = 0; i < 6; i++) { // delivered responses fill the session's budget and push that stream out
            mcp.post(call(10 + i, "search_users", "{}"), id);
        }
        HttpResponse<String> resumed = mcp.send(HttpRequest.newBuilder(mcp.endpoint)
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", id).header("Last-Event-ID", first)
                .timeout(Duration.ofSeconds(10)).GET().build());
        assertEquals(410, resumed.statusCode(), "never a silent empty replay: " + resumed.body());
        assertTrue(resumed.body().contains("no longer kept"), resumed.body());
    }

    @Test
    @Order(7)
    void finishedStreamsLeaveTheSession() throws InterruptedException {
        String id = session();
        for (int i = 0; i < 30; i++) {
            mcp.request(id, call(i + 1, "search_users", "{\"name\":\"Zz\"}"));
        }
        Thread.sleep(9_000); // past the completed-stream retention
        mcp.request(id, call(99, "search_users", "{\"name\":\"Zz\"}"));
        JsonObject d = diagnostics(false);
        // at most the standalone stream and the last one per session, whatever ran before
        assertTrue(d.getInt("streams") <= 2 * d.getInt("sessions") + 1, d.toString());
    }

    @Test
    @Order(8)
    void requestsRacingDeleteLeaveNoOrphanChannel() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = mcp.openSession(V);
            List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(postAsync(mcp, id, "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/list\"}"));
            }
            assertEquals(204, mcp.delete(id).statusCode());
            for (var r : racing) {
                HttpResponse<String> answer = r.get(30, TimeUnit.SECONDS);
                int status = answer.statusCode();
                if (status == 429) {
                    // 8 at once on a session allowed 4 concurrent requests: a refusal is an answer too
                    assertLimitError(answer, 429);
                    continue;
                }
                assertTrue(status == 200 || status == 404, "a racing request is served, refused or told the session is gone: " + status);
            }
        }
        JsonObject d = diagnostics(false);
        assertEquals(d.getInt("sessions"), d.getInt("channels"), "a channel only for a live session: " + d);
    }

    @Test
    @Order(9)
    void aCancelRightAfterTheRequestStopsIt() throws Exception {
        String id = conformanceSession();
        long started = System.nanoTime();
        // the fixture asks the client and waits; the cancel follows as soon as the stream is open
        HttpResponse<InputStream> stream = conformance.http.send(HttpRequest.newBuilder(conformance.endpoint)
                .header("Content-Type", "application/json").header("Accept", RawMcp.ACCEPT_BOTH).header("Mcp-Session-Id", id)
                .POST(HttpRequest.BodyPublishers.ofString(call(42, "test_elicitation", "{\"message\":\"Who?\"}"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(202, conformance.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":42}}",
                id).statusCode());
        String body;
        try (InputStream in = stream.body()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(RawMcp.sseMessages(body).stream().anyMatch(m -> m.containsKey("result") || m.containsKey("error")),
                "a cancelled request gets no response: " + body);
        assertTrue(millis < 3_500, "stopped by the cancel, not by the 4 s question timeout: " + millis + " ms");
        if (body.contains("elicitation/create")) {
            assertTrue(body.contains("notifications/cancelled"), "the question it gave up on is cancelled at the client: " + body);
        }
    }

    @Test
    @Order(10)
    void clientsThatNeverReadDoNotStallOthers() throws Exception {
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String id = session();
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new InetSocketAddress("127.0.0.1", deployed.getPort()), 5000);
                String body = call(1, "search_users", "{}");
                for (int k = 0; k < 3; k++) { // pipelined, never read
                    writeRequest(s.getOutputStream(), "POST", Map.of("Mcp-Session-Id", id), body.replace("\"id\":1", "\"id\":" + (k + 1)));
                }
                silent.add(s);
            }
            String id = session();
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                JsonObject answer = mcp.request(id, call(i + 1, "get_user_by_id", "{\"id\":" + (i + 1) + "}"));
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertFalse(answer.getJsonObject("result").getBoolean("isError", false), answer.toString());
                assertTrue(millis < 1_000, "served within a second during the attack, took " + millis + " ms");
            }
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
    }

    @Test
    @Order(11)
    void unansweredQuestionsAreCappedWith429() throws Exception {
        // a client that declares elicitation, then never answers a single confirmation
        HttpResponse<String> init = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"" + V + "\",\"capabilities\":{\"elicitation\":{}},"
                + "\"clientInfo\":{\"name\":\"attacker\",\"version\":\"1\"}}}", null);
        String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        opened.add(id);
        assertEquals(202, mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", id).statusCode());
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calls.add(postAsync(mcp, id, call(1000 + i, "delete_user", "{\"id\":5}")));
        }
        int accepted = 0;
        int refused = 0;
        for (var c : calls) {
            HttpResponse<String> r = c.get(60, TimeUnit.SECONDS);
            if (r.statusCode() == 429) {
                assertLimitError(r, 429);
                refused++;
            } else {
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("NOT deleted"), r.body());
                accepted++;
            }
        }
        assertTrue(accepted <= 4 + 2, "at most the session's concurrency ran, got " + accepted);
        assertTrue(refused >= 290, "the rest were refused, got " + refused);
        long deadline = System.currentTimeMillis() + 5_000;
        while (diagnostics(false).getInt("toolCalls") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, diagnostics(false).getInt("toolCalls"), "every accepted call ended when its question timed out");
        assertEquals(200, mcp.send(HttpRequest.newBuilder(Deployments.localBase(deployed).resolve("v1/users/5")).GET().build())
                .statusCode(), "nobody confirmed, nobody was deleted");
    }

    @Test
    @Order(12)
    void oneClientCannotTakeEverySessionSlot() throws Exception {
        int created = 0;
        HttpResponse<String> refusal = null;
        for (int i = 0; i < 200 && refusal == null; i++) {
            HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, V), null);
            if (r.statusCode() == 200) {
                opened.add(r.headers().firstValue("Mcp-Session-Id").orElseThrow());
                created++;
            } else {
                refusal = r;
            }
        }
        assertTrue(refusal != null, "a client creating sessions in a loop is stopped");
        assertLimitError(refusal, 429);
        assertTrue(created <= 60, "created " + created);
        // someone else, from another loopback address, still gets a session
        try (Socket other = new Socket()) {
            other.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            other.connect(new InetSocketAddress("127.0.0.1", deployed.getPort()), 5000);
            writeRequest(other.getOutputStream(), "POST", Map.of(), RawMcp.initializeBody(1, V));
            String head = new String(other.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", head);
        }
        Thread.sleep(1_500); // let the creation bucket refill for the health check that follows
    }

    /**
     * A 2026-07-28 client has no session to count against, so its requests are rate limited per
     * client: one sending in a loop gets 429 with Retry-After, while another address is served.
     */
    @Test
    @Order(13)
    void aStatelessClientSendingInALoopIsSlowedDownAlone() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        Map<String, String> headers = Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list");
        int served = 0;
        HttpResponse<String> refusal = null;
        for (int i = 0; i < 60 && refusal == null; i++) {
            HttpResponse<String> r = mcp.post(body, null, headers);
            if (r.statusCode() == 200) {
                served++;
            } else {
                refusal = r;
            }
        }
        assertTrue(refusal != null, "a stateless client sending in a loop is stopped");
        assertLimitError(refusal, 429);
        assertTrue(served >= 10 && served <= 20, "the burst of 10 (and what refilled meanwhile) was served: " + served);
        try (Socket other = new Socket()) {
            other.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            other.connect(new InetSocketAddress("127.0.0.1", deployed.getPort()), 5000);
            writeRequest(other.getOutputStream(), "POST", headers, body);
            String head = new String(other.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", head, "another client is served meanwhile");
        }
    }

    /** HTTP/1.1: one connection per request in flight, as most MCP clients do (no h2c multiplexing). */
    static final HttpClient HTTP1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static CompletableFuture<HttpResponse<String>> postAsync(RawMcp raw, String sessionId, String body) {
        return HTTP1.sendAsync(HttpRequest.newBuilder(raw.endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", RawMcp.ACCEPT_BOTH)
                .header("Mcp-Session-Id", sessionId).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void writeRequest(OutputStream out, String method, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(mcp.endpoint.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(deployed.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\nAccept: ").append(RawMcp.ACCEPT_BOTH).append("\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }
}
