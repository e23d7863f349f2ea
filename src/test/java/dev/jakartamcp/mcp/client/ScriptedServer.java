package dev.jakartamcp.mcp.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A tiny MCP server whose answers a test scripts, recording every request it gets. */
final class ScriptedServer implements AutoCloseable {

    record Seen(String method, String rpcMethod, String sessionId, String lastEventId, String protocolVersion, long atMillis) {
    }

    interface Script {
        void answer(HttpExchange exchange, JsonObject body, ScriptedServer server) throws IOException;
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer http;

    ScriptedServer(Script script) throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext("/mcp", exchange -> {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonObject body = text.isBlank() ? null : JsonCodec.parseObject(text);
            var h = exchange.getRequestHeaders();
            seen.add(new Seen(exchange.getRequestMethod(), body == null ? null : body.getString("method", null),
                    h.getFirst("Mcp-Session-Id"), h.getFirst("Last-Event-ID"), h.getFirst("MCP-Protocol-Version"),
                    System.currentTimeMillis()));
            try {
                script.answer(exchange, body, this);
            } finally {
                exchange.close();
            }
        });
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp";
    }

    static void json(HttpExchange exchange, int status, String body, String sessionId) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (sessionId != null) {
            exchange.getResponseHeaders().add("Mcp-Session-Id", sessionId);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    static OutputStream sse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    static void event(OutputStream out, String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String initializeResult(JsonObject request, String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"scripted\",\"version\":\"1\"}}}";
    }

    long count(String rpcMethod) {
        return seen.stream().filter(s -> rpcMethod.equals(s.rpcMethod())).count();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
