package dev.jakartamcp.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What happens when things go wrong: a user service that fails or hangs, idle sessions, too many
 * sessions. The WAR runs with an operator-style config override: the user service URL points at a
 * real HTTP server in this test that we can break at will, sessions idle out after 2 s, and at most
 * 4 sessions may exist.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    /** How the fake user service behaves: "fail" answers 503, "hang" never answers in time. */
    static final AtomicReference<String> MODE = new AtomicReference<>("fail");
    static final AtomicInteger HITS = new AtomicInteger();
    static final HttpServer BROKEN_SERVICE = startBrokenService();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig(
                "users/mp-rest/url=http://127.0.0.1:" + BROKEN_SERVICE.getAddress().getPort() + "/\n"
                        + "mcp.session.idle-timeout-seconds=2\n"
                        + "mcp.session.max-sessions=4\n");
    }

    @ArquillianResource
    URL deployed;

    RawMcp mcp;

    @BeforeEach
    void connect() {
        mcp = new RawMcp(Deployments.localBase(deployed));
    }

    @AfterAll
    static void stopService() {
        BROKEN_SERVICE.stop(0);
    }

    @Test
    @Order(1)
    void failingServiceIsAToolErrorAndReadsAreRetriedOnce() {
        MODE.set("fail");
        int before = HITS.get();
        JsonObject result = callTool("get_user_by_id", "{\"id\":1}");
        assertTrue(result.getBoolean("isError"), result.toString());
        assertTrue(text(result).contains("unavailable"), text(result));
        assertEquals(2, HITS.get() - before, "one try and one retry for an idempotent read");
    }

    @Test
    @Order(2)
    void writesAreNeverRetried() {
        MODE.set("fail");
        int before = HITS.get();
        JsonObject result = callTool("add_user", "{\"name\":\"A\",\"surname\":\"B\",\"email\":\"a.b@example.org\",\"about_me\":\"x\"}");
        assertTrue(result.getBoolean("isError"));
        assertEquals(1, HITS.get() - before, "a create is not idempotent: exactly one attempt");
    }

    @Test
    @Order(3)
    void hangingServiceIsCutOffAtTheDeadline() {
        MODE.set("hang");
        long start = System.nanoTime();
        JsonObject result = callTool("search_users", "{\"name\":\"x\"}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(result.getBoolean("isError"));
        assertTrue(text(result).contains("deadline"), text(result));
        // 2 attempts x 2 s timeout + 0.2 s delay; the service itself would hang for 30 s
        assertTrue(millis < 10_000, "answered after " + millis + " ms");
    }

    @Test
    @Order(4)
    void circuitOpensAndStopsCallingTheService() {
        MODE.set("fail");
        boolean open = false;
        for (int i = 0; i < 6 && !open; i++) {
            open = text(callTool("get_user_by_id", "{\"id\":1}")).contains("circuit breaker open");
        }
        assertTrue(open, "the circuit opens after repeated failures");
        int hits = HITS.get();
        for (int i = 0; i < 3; i++) {
            JsonObject result = callTool("get_user_by_id", "{\"id\":2}");
            assertTrue(result.getBoolean("isError"));
            assertTrue(text(result).contains("circuit breaker open"), text(result));
        }
        assertEquals(hits, HITS.get(), "an open circuit does not call the service");
    }

    @Test
    @Order(5)
    void idleSessionsExpire() throws InterruptedException {
        String session = mcp.openSession("2025-11-25");
        assertEquals(200, mcp.post(ping(), session).statusCode());
        Thread.sleep(3_500);
        HttpResponse<String> r = mcp.post(ping(), session);
        assertEquals(404, r.statusCode(), "idle for longer than 2 s");
    }

    @Test
    @Order(6)
    void usedSessionsStayAlive() throws InterruptedException {
        String session = mcp.openSession("2025-11-25");
        for (int i = 0; i < 5; i++) {
            Thread.sleep(800);
            assertEquals(200, mcp.post(ping(), session).statusCode(), "ping " + i);
        }
        assertEquals(204, mcp.delete(session).statusCode());
    }

    @Test
    @Order(7)
    void sessionCapRefusesNewSessionsWith503() {
        List<String> mine = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 6 && refused == null; i++) {
            HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null);
            if (r.statusCode() == 200) {
                mine.add(r.headers().firstValue("Mcp-Session-Id").orElseThrow());
            } else {
                refused = r;
            }
        }
        assertTrue(refused != null, "the fifth session at the latest is refused");
        assertTrue(mine.size() <= 4);
        assertEquals(503, refused.statusCode());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertTrue(RawMcp.json(refused.body()).asJsonObject().getJsonObject("error").getString("message").contains("Too many sessions"));

        assertEquals(204, mcp.delete(mine.remove(0)).statusCode());
        HttpResponse<String> again = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null);
        assertEquals(200, again.statusCode(), "a deleted session frees its slot");
        mine.add(again.headers().firstValue("Mcp-Session-Id").orElseThrow());
        mine.forEach(mcp::delete);
    }

    /** A fresh session per call: a 2 s idle timeout must not bite between slow calls. */
    private JsonObject callTool(String tool, String arguments) {
        String session = mcp.openSession("2025-11-25");
        JsonObject response = mcp.request(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool + "\",\"arguments\":" + arguments + "}}");
        // a session running a request is not idle, even when the call outlasts the 2 s idle timeout
        assertEquals(204, mcp.delete(session).statusCode(), "the session survived its call");
        return response.getJsonObject("result");
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static String ping() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    }

    private static HttpServer startBrokenService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                HITS.incrementAndGet();
                if ("hang".equals(MODE.get())) {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = "{\"detail\":\"down for maintenance\"}".getBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
