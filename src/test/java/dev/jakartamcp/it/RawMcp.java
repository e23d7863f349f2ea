package dev.jakartamcp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Raw HTTP against an MCP endpoint, for tests that assert status codes, headers and bodies byte by
 * byte. Deliberately not the project's own client: the server is judged by plain HTTP here.
 */
final class RawMcp {

    static final String ACCEPT_BOTH = "application/json, text/event-stream";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI endpoint;

    RawMcp(URI base) {
        this.endpoint = base.resolve("mcp");
    }

    /** POST with the headers a well-behaved client sends, plus extras (a null value removes a header). */
    HttpResponse<String> post(String body, String sessionId, Map<String, String> extra) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", ACCEPT_BOTH);
        if (sessionId != null) {
            headers.put("Mcp-Session-Id", sessionId);
        }
        headers.putAll(extra);
        headers.forEach((k, v) -> {
            if (v != null) b.header(k, v);
        });
        return send(b.build());
    }

    HttpResponse<String> post(String body, String sessionId) {
        return post(body, sessionId, Map.of());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> delete(String sessionId) {
        return send(HttpRequest.newBuilder(endpoint).header("Mcp-Session-Id", sessionId).DELETE().build());
    }

    /** initialize + notifications/initialized; returns the session id. */
    String openSession(String version) {
        String id = initialize(version);
        HttpResponse<String> ack = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", id);
        assertEquals(202, ack.statusCode());
        return id;
    }

    String initialize(String version) {
        HttpResponse<String> r = post(initializeBody(1, version), null);
        assertEquals(200, r.statusCode(), r.body());
        String id = r.headers().firstValue("Mcp-Session-Id").orElse(null);
        assertNotNull(id, "initialize must return Mcp-Session-Id");
        return id;
    }

    static String initializeBody(int id, String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-test\",\"version\":\"1.0\"}}}";
    }

    /** Sends a request and returns its JSON-RPC response, read from JSON or from the SSE stream. */
    JsonObject request(String sessionId, String body) {
        HttpResponse<String> r = post(body, sessionId);
        assertEquals(200, r.statusCode(), r.body());
        return responseOf(r);
    }

    static JsonObject responseOf(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/event-stream")) {
            List<JsonObject> messages = sseMessages(r.body());
            return messages.stream().filter(m -> m.containsKey("result") || m.containsKey("error")).findFirst()
                    .orElseThrow(() -> new AssertionError("no response on the stream: " + r.body()));
        }
        return json(r.body()).asJsonObject();
    }

    /** Every event of an SSE body, as (id, data) pairs. */
    static List<Map.Entry<String, String>> sseEvents(String body) {
        List<Map.Entry<String, String>> events = new ArrayList<>();
        String id = null;
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (data.length() > 0 || id != null) {
                    events.add(Map.entry(id == null ? "" : id, data.toString()));
                }
                id = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) data.append('\n');
                data.append(line.substring(5).stripLeading());
            }
        }
        return events;
    }

    static List<JsonObject> sseMessages(String body) {
        List<JsonObject> out = new ArrayList<>();
        for (var e : sseEvents(body)) {
            if (!e.getValue().isEmpty()) {
                out.add(json(e.getValue()).asJsonObject());
            }
        }
        return out;
    }

    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
