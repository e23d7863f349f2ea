package dev.jakartamcp.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted LLM speaking the Chat Completions streaming format, in the OpenAI or the Azure/DIAL
 * flavour. It refuses (401) a request whose URL shape or auth header does not fit the flavour, and
 * decides its answer from the conversation it is sent, like a model following the system prompt.
 */
final class FakeLlm implements AutoCloseable {

    static final String KEY = "test-key";
    static final String MODEL = "gpt-test";

    record Seen(String path, String query, String authorization, String apiKey, JsonObject body, long atMillis) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger rateLimited = new AtomicInteger();
    /** Requests refused because their messages were not a valid sequence. */
    final AtomicInteger invalid = new AtomicInteger();
    private final String flavor;
    private final HttpServer http;

    FakeLlm(String flavor) {
        this.flavor = flavor;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext("/", this::handle);
        http.start();
    }

    /** The value for agent.llm.endpoint. */
    String endpoint() {
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        return flavor.equals("azure") ? base : base + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonObject body = JsonCodec.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var h = exchange.getRequestHeaders();
            Seen request = new Seen(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    h.getFirst("Authorization"), h.getFirst("Api-Key"), body, System.currentTimeMillis());
            seen.add(request);
            if (!rightShape(request)) {
                json(exchange, 401, "{\"error\":{\"message\":\"wrong URL or credentials for " + flavor + "\"}}");
                return;
            }
            if (!validSequence(body.getJsonArray("messages"))) {
                invalid.incrementAndGet();
                // what OpenAI answers when a tool message does not follow its tool_calls
                json(exchange, 400, "{\"error\":{\"message\":\"Invalid parameter: messages with role 'tool' must be a response "
                        + "to a preceeding message with 'tool_calls'.\"}}");
                return;
            }
            answer(exchange, body.getJsonArray("messages"));
        }
    }

    private boolean rightShape(Seen r) {
        if (flavor.equals("azure")) {
            return r.path().equals("/openai/deployments/" + MODEL + "/chat/completions")
                    && "api-version=2024-10-21".equals(r.query()) && KEY.equals(r.apiKey()) && r.authorization() == null;
        }
        return r.path().equals("/v1/chat/completions") && ("Bearer " + KEY).equals(r.authorization()) && r.apiKey() == null;
    }

    private void answer(HttpExchange exchange, JsonArray messages) throws IOException {
        String question = lastUser(messages);
        List<JsonObject> tools = toolMessagesAfterLastUser(messages);
        JsonObject lastTool = tools.isEmpty() ? null : tools.get(tools.size() - 1);
        String lastId = lastTool == null ? "" : lastTool.getString("tool_call_id");
        String lastText = lastTool == null ? "" : lastTool.getString("content");

        if (question.contains("fail401")) {
            json(exchange, 401, "{\"error\":{\"message\":\"Invalid API key\"}}");
        } else if (question.contains("fail404")) {
            json(exchange, 404, "{\"error\":{\"message\":\"The model does not exist\"}}");
        } else if (question.contains("loop forever")) {
            stream(exchange, toolCall(0, "call_loop_" + tools.size(), "search_users", "{\"name\":\"x\"}"));
        } else if (question.contains("fail500")) {
            json(exchange, 500, "{\"error\":{\"message\":\"upstream exploded\"}}");
        } else if (question.contains("ratelimit") && rateLimited.getAndIncrement() == 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            json(exchange, 429, "{\"error\":{\"message\":\"slow down\"}}");
        } else if (question.contains("truncated")) {
            stream(exchange, List.of(textChunk("This answer will never")));
        } else if (question.contains("malformed")) {
            OutputStream out = sse(exchange);
            write(out, "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\ndata: {not json at all\n\n");
        } else if (question.contains("read my note")) {
            // AgentOAuthIT: the protected TypeScript server's one tool
            if (lastTool == null) {
                stream(exchange, toolCall(0, "call_note", "read_note", "{}"));
            } else {
                streamText(exchange, "The notes server said: " + lastText);
            }
        } else if (question.contains("Arkadiy")) {
            arkadiy(exchange, lastId, lastText);
        } else if (question.matches("(?s).*delete user \\d+.*")) {
            Matcher m = Pattern.compile("delete user (\\d+)").matcher(question);
            m.find();
            if (lastTool == null) {
                stream(exchange, toolCall(0, "call_delete", "delete_user", "{\"id\":" + m.group(1) + "}"));
            } else {
                streamText(exchange, "The delete tool said: " + lastText);
            }
        } else if (question.contains("parallel")) {
            if (lastTool == null) {
                List<String> chunks = new java.util.ArrayList<>();
                chunks.addAll(toolCall(0, "call_a", "fetch", "{\"url\":\"https://a.example\",\"delay_ms\":1000}"));
                chunks.addAll(toolCall(1, "call_b", "fetch", "{\"url\":\"https://b.example\",\"delay_ms\":1000}"));
                chunks.remove(chunks.size() - 1); // one finish at the end
                chunks.remove(chunks.size() - 1);
                chunks.add(finish("tool_calls"));
                chunks.add("[DONE]");
                stream(exchange, chunks);
            } else {
                streamText(exchange, "Fetched both pages.");
            }
        } else if (question.contains("answer slowly") || question.contains("answer very slowly")) {
            List<String> chunks = new java.util.ArrayList<>();
            for (int i = 0; i < (question.contains("very") ? 40 : 10); i++) {
                chunks.add(textChunk("slow " + i + ". "));
            }
            chunks.add(finish("stop"));
            chunks.add("[DONE]");
            streamSlowly(exchange, chunks, 250);
        } else if (question.contains("stall mid-stream")) {
            OutputStream out = sse(exchange);
            write(out, "data: " + textChunk("Let me think") + "\n\n");
            sleep(30_000);
        } else if (question.contains("stall before headers")) {
            sleep(30_000);
        } else if (question.contains("dribble")) {
            List<String> chunks = new java.util.ArrayList<>();
            for (int i = 0; i < 150; i++) {
                chunks.add(textChunk("drop " + i + ". "));
            }
            streamSlowly(exchange, chunks, 200);
        } else if (question.contains("slow tool")) {
            if (lastTool == null) {
                stream(exchange, toolCall(0, "call_slow", "fetch", "{\"url\":\"https://slow.example\",\"delay_ms\":20000}"));
            } else {
                streamText(exchange, "The slow page came back.");
            }
        } else if (question.contains("ratelimit")) {
            streamText(exchange, "Recovered after the rate limit.");
        } else {
            streamText(exchange, "I only help with users.");
        }
    }

    /** The Arkadiy scenario: search, and if absent fetch and add; if present, add nobody. */
    private void arkadiy(HttpExchange exchange, String lastId, String lastText) throws IOException {
        switch (lastId) {
            case "" -> stream(exchange, toolCall(0, "call_search", "search_users", "{\"name\":\"Arkadiy\",\"surname\":\"Dobkin\"}"));
            case "call_search" -> {
                if (lastText.startsWith("No users match")) {
                    stream(exchange, toolCall(0, "call_fetch", "fetch", "{\"url\":\"https://en.wikipedia.org/wiki/Arkadiy_Dobkin\"}"));
                } else {
                    streamText(exchange, "Arkadiy Dobkin is already a user; I added nobody.");
                }
            }
            case "call_fetch" -> stream(exchange, toolCall(0, "call_add", "add_user", JsonCodec.write(JsonCodec.object()
                    .add("name", "Arkadiy").add("surname", "Dobkin").add("email", "arkadiy.dobkin@epam.com")
                    .add("company", "EPAM Systems")
                    .add("about_me", lastText.contains("EPAM") ? "Co-founder, chairman and CEO of EPAM Systems." : "Unknown")
                    .build())));
            default -> streamText(exchange, "I searched, found nothing, looked him up, and added Arkadiy Dobkin as a new user.");
        }
    }

    private static String lastUser(JsonArray messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonObject m = messages.getJsonObject(i);
            if ("user".equals(m.getString("role"))) {
                return m.getString("content");
            }
        }
        return "";
    }

    private static List<JsonObject> toolMessagesAfterLastUser(JsonArray messages) {
        List<JsonObject> tools = new java.util.ArrayList<>();
        for (JsonValue v : messages) {
            JsonObject m = v.asJsonObject();
            if ("user".equals(m.getString("role"))) {
                tools.clear();
            } else if ("tool".equals(m.getString("role"))) {
                tools.add(m);
            }
        }
        return tools;
    }

    /**
     * Chat Completions' rule: an assistant message with tool_calls is followed by one tool message per
     * call, and a tool message answers a call of the assistant message right before its group.
     */
    static boolean validSequence(JsonArray messages) {
        java.util.Set<String> open = new java.util.HashSet<>();
        boolean inGroup = false;
        for (JsonValue v : messages) {
            JsonObject m = v.asJsonObject();
            String role = m.getString("role");
            if (role.equals("tool")) {
                if (!inGroup || !open.remove(m.getString("tool_call_id", ""))) {
                    return false;
                }
                continue;
            }
            if (!open.isEmpty()) {
                return false; // a call without its answer
            }
            inGroup = role.equals("assistant") && m.get("tool_calls") instanceof JsonArray calls && !calls.isEmpty();
            if (inGroup) {
                m.getJsonArray("tool_calls").forEach(c -> open.add(c.asJsonObject().getString("id")));
            }
        }
        return open.isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Chunks with a pause before each; stops quietly when the reader has gone. */
    private static void streamSlowly(HttpExchange exchange, List<String> chunks, long pauseMillis) throws IOException {
        OutputStream out = sse(exchange);
        try {
            for (String chunk : chunks) {
                sleep(pauseMillis);
                write(out, "data: " + chunk + "\n\n");
            }
        } catch (IOException e) {
            // the agent stopped reading: what the test wants to see
        }
    }

    /** A tool call streamed in fragments, the arguments split in two, as real models do. */
    private static List<String> toolCall(int index, String id, String name, String arguments) {
        int half = arguments.length() / 2;
        return List.of(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":" + index + ",\"id\":\"" + id
                        + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"\"}}]}}]}",
                fragment(index, arguments.substring(0, half)),
                fragment(index, arguments.substring(half)),
                finish("tool_calls"),
                "[DONE]");
    }

    private static String fragment(int index, String arguments) {
        return JsonCodec.write(JsonCodec.object().add("choices", JsonCodec.array().add(JsonCodec.object().add("index", 0)
                .add("delta", JsonCodec.object().add("tool_calls", JsonCodec.array().add(JsonCodec.object().add("index", index)
                        .add("function", JsonCodec.object().add("arguments", arguments)))))))
                .build());
    }

    private static String finish(String reason) {
        return "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }

    private static String textChunk(String text) {
        return JsonCodec.write(JsonCodec.object().add("choices", JsonCodec.array().add(JsonCodec.object().add("index", 0)
                .add("delta", JsonCodec.object().add("content", text)))).build());
    }

    /** The text in three deltas, so the chat must stream it. */
    private static void streamText(HttpExchange exchange, String text) throws IOException {
        int third = Math.max(1, text.length() / 3);
        stream(exchange, List.of(textChunk(text.substring(0, third)), textChunk(text.substring(third, 2 * third)),
                textChunk(text.substring(2 * third)), finish("stop"), "[DONE]"));
    }

    private static void stream(HttpExchange exchange, List<String> chunks) throws IOException {
        OutputStream out = sse(exchange);
        for (String chunk : chunks) {
            write(out, "data: " + chunk + "\n\n");
        }
    }

    private static OutputStream sse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
