package dev.jakartamcp.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal MCP server with one tool that counts the sessions it starts and ends, to see the agent reuse them. */
final class CountingMcpServer implements AutoCloseable {

    final AtomicInteger initialized = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    private final HttpServer http;

    CountingMcpServer() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext("/mcp", this::answer);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("DELETE")) {
                deleted.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            JsonObject body = JsonCodec.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            JsonObject result;
            switch (body.getString("method", "")) {
                case "initialize" -> {
                    exchange.getResponseHeaders().add("Mcp-Session-Id", "counted-" + initialized.incrementAndGet());
                    result = JsonCodec.object().add("protocolVersion", "2025-11-25")
                            .add("capabilities", JsonCodec.object().add("tools", JsonCodec.object()))
                            .add("serverInfo", JsonCodec.object().add("name", "counting").add("version", "1")).build();
                }
                case "tools/list" -> result = JsonCodec.object().add("tools", JsonCodec.array().add(JsonCodec.object()
                        .add("name", "noop").add("inputSchema", JsonCodec.object().add("type", "object")))).build();
                default -> {
                    exchange.sendResponseHeaders(202, -1); // notifications
                    return;
                }
            }
            byte[] bytes = JsonCodec.write(JsonCodec.object().add("jsonrpc", "2.0").add("id", body.get("id")).add("result", result).build())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
