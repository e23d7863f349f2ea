package dev.jakartamcp.agent;

import dev.jakartamcp.mcp.client.SseHttp;
import dev.jakartamcp.mcp.client.SseLimitException;
import dev.jakartamcp.mcp.client.SseParser;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Chat Completions with streaming and tool calling, in the OpenAI and the Azure/DIAL flavour. It reads
 * the stream with the project's SSE parser and merges streamed tool-call fragments by index.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
public final class LlmClient {

    /** At most this many retries after 429 or 5xx, each waiting Retry-After (bounded) or a second. */
    static final int MAX_RETRIES = 2;
    static final long MAX_RETRY_AFTER_MILLIS = 10_000;

    /**
     * @param timeout     how long the LLM may take to start answering (the response headers)
     * @param readTimeout how long its stream may stay silent before the turn ends with an error
     */
    public record Settings(String endpoint, String apiKey, String model, String flavor, String apiVersion, Duration timeout,
                           Duration readTimeout) {

        public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

        public Settings {
            readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
        }

        public Settings(String endpoint, String apiKey, String model, String flavor, String apiVersion, Duration timeout) {
            this(endpoint, apiKey, model, flavor, apiVersion, timeout, DEFAULT_READ_TIMEOUT);
        }
    }

    /** One streamed answer: its text and the tool calls it asks for. */
    public record Turn(String text, List<ToolCall> toolCalls) {
    }

    public record ToolCall(String id, String name, String arguments) {
        public JsonObject toJson() {
            return JsonCodec.object().add("id", id).add("type", "function")
                    .add("function", JsonCodec.object().add("name", name).add("arguments", arguments)).build();
        }
    }

    private final Settings settings;
    private final HttpClient http;

    public LlmClient(Settings settings) {
        this(settings, SseHttp.newClient());
    }

    /** With the application's shared HttpClient. */
    public LlmClient(Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** The URL of the flavour: {@code openai} or {@code azure}. */
    URI url() {
        String base = settings.endpoint().replaceAll("/+$", "");
        if ("azure".equalsIgnoreCase(settings.flavor())) {
            return URI.create(base + "/openai/deployments/" + URLEncoder.encode(settings.model(), StandardCharsets.UTF_8)
                    + "/chat/completions?api-version=" + URLEncoder.encode(settings.apiVersion(), StandardCharsets.UTF_8));
        }
        return URI.create(base + "/chat/completions");
    }

    public Turn stream(List<JsonObject> messages, List<JsonObject> tools, Consumer<String> onDelta) {
        return stream(messages, tools, onDelta, body -> { });
    }

    /**
     * @param onBody gets the open answer stream before it is read, so whoever ends the turn can close
     *               it (a blocked read wakes up; an interrupt would not wake it)
     */
    public Turn stream(List<JsonObject> messages, List<JsonObject> tools, Consumer<String> onDelta, Consumer<InputStream> onBody) {
        JsonArrayBuilder history = JsonCodec.array();
        messages.forEach(history::add);
        var body = JsonCodec.object().add("model", settings.model()).add("stream", true).add("messages", history);
        if (!tools.isEmpty()) {
            JsonArrayBuilder functions = JsonCodec.array();
            tools.forEach(functions::add);
            body.add("tools", functions);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url()).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JsonCodec.write(body.build())));
        if ("azure".equalsIgnoreCase(settings.flavor())) {
            request.header("Api-Key", settings.apiKey());
        } else if (!settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response = send(request.build());
            int status = response.statusCode();
            if (status == 200) {
                onBody.accept(response.body());
                return read(response.body(), onDelta);
            }
            String detail = errorDetail(response);
            if ((status == 429 || status >= 500) && attempt < MAX_RETRIES) {
                if (!SseHttp.pause(retryAfter(response))) {
                    throw new LlmException("Interrupted while waiting to retry the LLM");
                }
                continue;
            }
            throw new LlmException(switch (status) {
                case 401, 403 -> "The LLM refused the credentials (HTTP " + status + "): check agent.llm.api-key. " + detail;
                case 404 -> "The LLM endpoint or model was not found (HTTP 404): check agent.llm.endpoint, agent.llm.model"
                        + " and agent.llm.flavor. " + detail;
                case 429 -> "The LLM is rate-limiting us (HTTP 429) and did not recover after " + MAX_RETRIES + " retries. " + detail;
                default -> "The LLM failed (HTTP " + status + "). " + detail;
            });
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new LlmException("The LLM did not answer within " + settings.timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new LlmException("Cannot reach the LLM at " + settings.endpoint() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("Interrupted while calling the LLM", e);
        }
    }

    /** Reads the stream: text deltas as they come, tool-call fragments merged by index. */
    private Turn read(InputStream body, Consumer<String> onDelta) {
        StringBuilder text = new StringBuilder();
        Map<Integer, String[]> calls = new TreeMap<>(); // index -> {id, name, arguments}
        boolean[] finished = new boolean[1];
        SseParser parser = new SseParser(event -> {
            String data = event.data().trim();
            if (SseHttp.isDone(data)) {
                finished[0] = true;
                return;
            }
            if (data.isEmpty()) {
                return;
            }
            JsonObject chunk;
            try {
                chunk = JsonCodec.parseObject(data);
            } catch (RuntimeException e) {
                throw new LlmException("The LLM sent a malformed stream chunk: " + abbreviate(data));
            }
            if (chunk.get("error") instanceof JsonObject error) {
                throw new LlmException("The LLM reported an error: " + error.getString("message", error.toString()));
            }
            JsonArray choices = chunk.getJsonArray("choices");
            if (choices == null || choices.isEmpty()) {
                return;
            }
            JsonObject choice = choices.getJsonObject(0);
            if (choice.get("finish_reason") instanceof jakarta.json.JsonString) {
                finished[0] = true;
            }
            JsonObject delta = choice.getJsonObject("delta");
            if (delta == null) {
                return;
            }
            if (delta.get("content") instanceof jakarta.json.JsonString content && !content.getString().isEmpty()) {
                text.append(content.getString());
                onDelta.accept(content.getString());
            }
            if (delta.get("tool_calls") instanceof JsonArray toolCalls) {
                for (JsonValue value : toolCalls) {
                    JsonObject call = value.asJsonObject();
                    String[] merged = calls.computeIfAbsent(call.getInt("index", calls.size()), i -> new String[]{null, "", ""});
                    if (call.get("id") instanceof jakarta.json.JsonString id) {
                        merged[0] = id.getString();
                    }
                    if (call.get("function") instanceof JsonObject function) {
                        if (function.get("name") instanceof jakarta.json.JsonString name) {
                            merged[1] += name.getString();
                        }
                        if (function.get("arguments") instanceof jakarta.json.JsonString arguments) {
                            merged[2] += arguments.getString();
                        }
                    }
                }
            }
        });
        try {
            SseHttp.pump(body, parser, settings.readTimeout(), () -> false);
        } catch (SseHttp.IdleTimeoutException e) {
            throw new LlmException("The LLM stream stalled: " + e.getMessage() + " (agent.llm.read-timeout-seconds)", e);
        } catch (SseLimitException e) {
            throw new LlmException("The LLM stream was refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LlmException("The LLM stream broke off: " + e, e);
        }
        if (!finished[0]) {
            throw new LlmException("The LLM stream ended before it was finished (truncated answer)");
        }
        List<ToolCall> toolCalls = new ArrayList<>();
        int n = 0;
        for (String[] call : calls.values()) {
            n++;
            toolCalls.add(new ToolCall(call[0] == null ? "call_" + n : call[0], call[1], call[2].isBlank() ? "{}" : call[2]));
        }
        return new Turn(text.toString(), toolCalls);
    }

    private static long retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Math.min(MAX_RETRY_AFTER_MILLIS, Long.parseLong(v.trim()) * 1000);
            } catch (NumberFormatException e) {
                return 1000L;
            }
        }).orElse(1000L);
    }

    private static String errorDetail(HttpResponse<InputStream> response) {
        String text = SseHttp.excerpt(response.body());
        try {
            JsonObject json = JsonCodec.parseObject(text);
            if (json.get("error") instanceof JsonObject error) {
                return error.getString("message", "");
            }
        } catch (RuntimeException e) {
            // not JSON: use the text
        }
        return abbreviate(text);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
