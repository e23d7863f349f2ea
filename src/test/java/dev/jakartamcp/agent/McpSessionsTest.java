package dev.jakartamcp.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session pool against a tiny MCP server that counts sessions, tool lists and DELETEs. */
class McpSessionsTest {

    private HttpServer server;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final List<String> listedBy = new CopyOnWriteArrayList<>();
    private McpSessions pool;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/mcp", this::answer);
        server.start();
        pool = new McpSessions();
        pool.http = HttpClient.newHttpClient();
        pool.idleSeconds = 300; // the sweeper is not started here; sweep() is called by the tests
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            if (exchange.getRequestMethod().equals("DELETE")) {
                deleted.add(session);
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            JsonObject body = JsonCodec.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String method = body.getString("method", "");
            String reply;
            if (method.equals("initialize")) {
                session = "s" + sessions.incrementAndGet();
                exchange.getResponseHeaders().add("Mcp-Session-Id", session);
                reply = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"t\",\"version\":\"1\"}}";
            } else if (method.equals("tools/list")) {
                listedBy.add(session);
                reply = "{\"tools\":[{\"name\":\"echo\",\"inputSchema\":{\"type\":\"object\"}}]}";
            } else {
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            byte[] bytes = ("{\"jsonrpc\":\"2.0\",\"id\":" + body.get("id") + ",\"result\":" + reply + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Test
    void aSessionIsReusedAcrossTurnsAndItsToolsListedEachTime() {
        McpSessions.Session first = pool.lease(url(), null);
        assertEquals("echo", first.tools().get(0).name());
        pool.release(first, true);
        McpSessions.Session second = pool.lease(url(), null);
        assertSame(first, second);
        assertEquals(1, sessions.get(), "one initialize for two turns");
        assertEquals(List.of("s1", "s1"), listedBy);
        pool.release(second, true);
    }

    @Test
    void concurrentTurnsGetSessionsOfTheirOwnAndABrokenOneIsClosed() {
        McpSessions.Session a = pool.lease(url(), null);
        McpSessions.Session b = pool.lease(url(), null);
        assertNotSame(a, b);
        assertEquals(2, sessions.get());
        pool.release(a, false);
        assertEquals(List.of("s1"), deleted, "a broken session is closed with DELETE, not pooled");
        pool.release(b, true);
        assertEquals(1, pool.idleCount());
    }

    @Test
    void sessionsThatRelayElicitationsAreKeptApartFromTheConsoles() {
        McpSessions.Session console = pool.lease(url(), null);
        pool.release(console, true);
        McpSessions.Session agent = pool.lease(url(), (message, schema) -> null);
        assertNotSame(console, agent, "the console's session does not declare elicitation");
        pool.release(agent, true);
    }

    @Test
    void idleSessionsAreClosedByTheSweepAndAllOnStop() {
        McpSessions.Session a = pool.lease(url(), null);
        McpSessions.Session b = pool.lease(url(), null);
        pool.release(a, true);
        pool.idleSeconds = 0;
        pool.sweep();
        assertEquals(List.of("s1"), deleted);
        assertEquals(0, pool.idleCount());
        pool.idleSeconds = 300;
        pool.release(b, true);
        pool.stop();
        assertEquals(List.of("s1", "s2"), deleted, "stopping the application ends every idle session");
        McpSessions.Session late = pool.lease(url(), null);
        pool.release(late, true);
        assertTrue(deleted.contains("s3"), "after stop a released session is closed, not pooled");
    }

    @Test
    void anUnreachableServerFailsTheLeaseAndLeavesNothingPooled() {
        assertThrows(RuntimeException.class, () -> pool.lease("http://127.0.0.1:1/mcp", null));
        assertEquals(0, pool.idleCount());
    }

    @Test
    void aToolBoxGivesItsSessionsBack() {
        try (ToolBox box = new ToolBox(Map.of("a", url(), "ghost", "http://127.0.0.1:1/mcp"), pool, null)) {
            assertEquals("echo", box.tools().get(0).definition().name());
            assertTrue(box.missing().containsKey("ghost"));
        }
        assertEquals(1, pool.idleCount());
    }
}
