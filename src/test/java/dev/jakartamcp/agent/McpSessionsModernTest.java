package dev.jakartamcp.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.protocol.CallToolResult;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's pool on the 2026-07-28 revision: a delete confirmation that arrives as an
 * input_required result reaches the leasing turn's handler (the chat's dialog) exactly as a 2025
 * elicitation/create does, and its answer goes back in the retry.
 */
class McpSessionsModernTest {

    private HttpServer server;
    private final List<JsonObject> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/mcp", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A stateless server whose delete_user asks for a confirmation through MRTR. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonObject body = JsonCodec.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String reply = switch (body.getString("method")) {
                case "server/discover" -> "{\"resultType\":\"complete\",\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{\"tools\":{}}}";
                case "tools/list" -> "{\"resultType\":\"complete\",\"tools\":[{\"name\":\"delete_user\",\"inputSchema\":{\"type\":\"object\"}}]}";
                case "tools/call" -> {
                    calls.add(body.getJsonObject("params"));
                    JsonObject answers = body.getJsonObject("params").getJsonObject("inputResponses");
                    yield answers == null
                            ? "{\"resultType\":\"input_required\",\"requestState\":\"st\",\"inputRequests\":{\"confirm\":{\"method\":\"elicitation/create\","
                            + "\"params\":{\"message\":\"Delete user 7?\",\"requestedSchema\":{\"type\":\"object\",\"properties\":{\"confirm\":{\"type\":\"boolean\"}}}}}}}"
                            : "{\"resultType\":\"complete\",\"content\":[{\"type\":\"text\",\"text\":\"" + answers.getJsonObject("confirm").getString("action") + "\"}]}";
                }
                default -> null;
            };
            byte[] bytes = ("{\"jsonrpc\":\"2.0\",\"id\":" + body.get("id") + ",\"result\":" + reply + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Test
    void aStatelessConfirmationReachesTheLeasingTurnsHandler() {
        McpSessions pool = new McpSessions();
        pool.http = HttpClient.newHttpClient();
        pool.idleSeconds = 300;
        pool.protocol = "auto";
        List<String> shown = new CopyOnWriteArrayList<>();
        McpSessions.Session session = pool.lease("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp",
                ElicitationHandler.of(question -> {
                    shown.add(question.message());
                    return ElicitationHandler.Answer.accept(JsonCodec.parseObject("{\"confirm\":true}"));
                }));
        try {
            assertEquals("2026-07-28", session.client().protocolVersion());
            CallToolResult result = session.client().callTool("delete_user", JsonCodec.parseObject("{\"id\":7}"));
            assertEquals(List.of("Delete user 7?"), shown, "the chat's dialog was asked");
            assertEquals("accept", result.text());
            assertEquals(2, calls.size());
            assertEquals("st", calls.get(1).getString("requestState"));
            assertTrue(calls.get(1).getJsonObject("inputResponses").getJsonObject("confirm").getJsonObject("content").getBoolean("confirm"));
        } finally {
            session.client().close();
        }
    }
}
