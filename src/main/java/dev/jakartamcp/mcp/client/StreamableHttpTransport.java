package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client side of Streamable HTTP on java.net.http: POSTs answered with JSON or SSE, the session
 * and protocol-version headers, resuming a dropped stream with GET and Last-Event-ID, the optional
 * standalone GET stream, and DELETE.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
final class StreamableHttpTransport {

    /** How long to wait before resuming a dropped stream when the server sent no retry field. */
    static final long DEFAULT_RETRY_MILLIS = 1000;
    /** How many times one request's stream is resumed before giving up. */
    static final int MAX_RESUMES = 5;

    private static final Logger LOG = Logger.getLogger(StreamableHttpTransport.class.getName());

    private final HttpClient http;
    private final URI endpoint;
    private final Duration headersTimeout;
    private volatile String sessionId;
    private volatile String protocolVersion;

    StreamableHttpTransport(URI endpoint, Duration headersTimeout) {
        this(endpoint, headersTimeout, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** On a shared client, so many sessions use one connection pool. */
    StreamableHttpTransport(URI endpoint, Duration headersTimeout, HttpClient http) {
        this.endpoint = endpoint;
        this.headersTimeout = headersTimeout;
        this.http = http;
    }

    String sessionId() {
        return sessionId;
    }

    void sessionEnded() {
        sessionId = null;
    }

    void protocolVersion(String version) {
        this.protocolVersion = version;
    }

    /** Where a call's open response body is, so a timeout or a cancel can close it. */
    interface BodyHolder {
        void hold(InputStream body);
    }

    /**
     * POSTs a request and returns its response; notifications and server requests that arrive on the
     * stream first go to {@code inbound}, as they come.
     */
    JsonRpcMessage request(JsonRpcMessage.Request request, boolean initialize, Consumer<JsonRpcMessage> inbound,
                           BodyHolder holder) {
        HttpResponse<InputStream> response = post(JsonRpcCodec.encode(request), initialize);
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (initialize) {
            response.headers().firstValue("Mcp-Session-Id").ifPresent(id -> sessionId = id);
        }
        holder.hold(response.body());
        if (type.startsWith("text/event-stream")) {
            return readStream(response.body(), request.id(), inbound, holder);
        }
        try (InputStream body = response.body()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw McpClientException.io("HTTP " + response.statusCode() + " without a response to " + request.method(), null);
            }
            JsonRpcMessage message = decode(text);
            if (message != null && isResponseTo(message, request.id())) {
                return message;
            }
            throw McpClientException.io("the server answered " + request.method() + " with something else: " + text, null);
        } catch (IOException e) {
            throw McpClientException.io("reading the response to " + request.method() + " failed", e);
        }
    }

    /** Sends a notification or a response; the server acknowledges with 202. */
    void send(JsonRpcMessage message) {
        HttpResponse<InputStream> response = post(JsonRpcCodec.encode(message), false);
        try (InputStream body = response.body()) {
            body.readAllBytes();
        } catch (IOException e) {
            LOG.log(Level.FINE, "reading an acknowledgement", e);
        }
    }

    /** Ends the session; a server without explicit termination answers 405, which is fine. */
    void delete() {
        if (sessionId == null) {
            return;
        }
        try {
            http.send(headers(HttpRequest.newBuilder(endpoint)).DELETE().timeout(headersTimeout).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.log(Level.FINE, "DELETE failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sessionId = null;
        }
    }

    /**
     * Opens the standalone GET stream and returns once the server answered, so nothing the server
     * sends on it afterwards is missed; a reader thread then keeps it open while {@code open} says
     * so, resuming after drops. Returns false when the server offers no such stream (405 or any
     * other refusal).
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server
     */
    boolean listen(Consumer<JsonRpcMessage> inbound, BooleanSupplier open, java.util.concurrent.Executor executor) {
        HttpResponse<InputStream> first = openGet(null);
        if (first == null) {
            return false;
        }
        executor.execute(() -> {
            HttpResponse<InputStream> response = first;
            String lastEventId = null;
            long retry = DEFAULT_RETRY_MILLIS;
            while (open.getAsBoolean() && response != null) {
                SseParser parser = new SseParser(e -> dispatch(e, inbound, null, null));
                try {
                    pump(response.body(), parser, () -> !open.getAsBoolean());
                } catch (IOException e) {
                    LOG.log(Level.FINE, "standalone stream dropped", e);
                }
                lastEventId = parser.lastEventId() != null ? parser.lastEventId() : lastEventId;
                retry = parser.retry() != null ? parser.retry() : retry;
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                response = open.getAsBoolean() ? openGet(lastEventId) : null;
            }
        });
        return true;
    }

    private HttpResponse<InputStream> openGet(String lastEventId) {
        try {
            HttpRequest.Builder get = headers(HttpRequest.newBuilder(endpoint)).header("Accept", "text/event-stream")
                    .timeout(headersTimeout).GET();
            if (lastEventId != null) {
                get.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = http.send(get.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 200) {
                return response;
            }
            response.body().close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "no standalone stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /**
     * Reads an SSE response until the response to {@code id} arrives. When the stream ends first,
     * waits the server's retry (or {@link #DEFAULT_RETRY_MILLIS}) and resumes it with GET and
     * Last-Event-ID, so the response is delivered exactly once.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
     */
    private JsonRpcMessage readStream(InputStream first, JsonValue id, Consumer<JsonRpcMessage> inbound, BodyHolder holder) {
        InputStream body = first;
        String lastEventId = null;
        long retry = DEFAULT_RETRY_MILLIS;
        for (int resumes = 0; ; resumes++) {
            JsonRpcMessage[] response = new JsonRpcMessage[1];
            SseParser parser = new SseParser(e -> dispatch(e, inbound, id, response));
            try {
                pump(body, parser, () -> response[0] != null);
            } catch (IOException e) {
                LOG.log(Level.FINE, "stream dropped", e);
            }
            if (response[0] != null) {
                return response[0];
            }
            lastEventId = parser.lastEventId() != null ? parser.lastEventId() : lastEventId;
            retry = parser.retry() != null ? parser.retry() : retry;
            if (lastEventId == null || resumes >= MAX_RESUMES) {
                throw McpClientException.io("the stream ended before the response"
                        + (lastEventId == null ? " and cannot be resumed (no event id)" : " after " + resumes + " resumes"), null);
            }
            sleepQuietly(retry);
            body = resume(lastEventId);
            holder.hold(body);
        }
    }

    private InputStream resume(String lastEventId) {
        try {
            HttpRequest get = headers(HttpRequest.newBuilder(endpoint)).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", lastEventId).timeout(headersTimeout).GET().build();
            HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 404 && sessionId != null) {
                response.body().close();
                throw new SessionExpiredException();
            }
            if (response.statusCode() != 200) {
                String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw McpClientException.http(response.statusCode(), "resuming with Last-Event-ID failed: " + text);
            }
            return response.body();
        } catch (IOException e) {
            throw McpClientException.io("resuming the stream failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw McpClientException.io("interrupted while resuming", e);
        }
    }

    private static void pump(InputStream body, SseParser parser, BooleanSupplier done) throws IOException {
        try (body) {
            byte[] buffer = new byte[8192];
            for (int n; !done.getAsBoolean() && (n = body.read(buffer)) != -1; ) {
                parser.feed(buffer, 0, n);
            }
        }
    }

    /** One event's message: the awaited response, or something for {@code inbound}. */
    private static void dispatch(SseEvent event, Consumer<JsonRpcMessage> inbound, JsonValue id, JsonRpcMessage[] response) {
        if (response != null && response[0] != null) {
            return;
        }
        JsonRpcMessage message = decode(event.data());
        if (message == null) {
            return;
        }
        if (response != null && isResponseTo(message, id)) {
            response[0] = message;
        } else {
            inbound.accept(message);
        }
    }

    /** A message, or null for what is not one: priming events, keep-alives, a stray "[DONE]". */
    private static JsonRpcMessage decode(String data) {
        String text = data.trim();
        if (text.isEmpty() || text.equals("[DONE]")) {
            return null;
        }
        try {
            return JsonRpcCodec.decode(JsonCodec.parse(text));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "ignoring an unreadable message: " + text, e);
            return null;
        }
    }

    private static boolean isResponseTo(JsonRpcMessage message, JsonValue id) {
        JsonValue answered = message instanceof JsonRpcMessage.Result r ? r.id()
                : message instanceof JsonRpcMessage.Error e ? e.id() : null;
        return answered != null && answered.toString().equals(id.toString());
    }

    private HttpResponse<InputStream> post(JsonValue body, boolean initialize) {
        HttpRequest request = headers(HttpRequest.newBuilder(endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .timeout(headersTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonCodec.writeBytes(body))).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 404 && sessionId != null && !initialize) {
                response.body().close();
                throw new SessionExpiredException();
            }
            if (status >= 400) {
                String text;
                try (InputStream in = response.body()) {
                    text = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
                }
                throw McpClientException.http(status, text);
            }
            return response;
        } catch (IOException e) {
            throw McpClientException.io("cannot reach " + endpoint + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw McpClientException.io("interrupted", e);
        }
    }

    /** The session id and negotiated version go on every request after initialize. */
    private HttpRequest.Builder headers(HttpRequest.Builder builder) {
        if (sessionId != null) {
            builder.header("Mcp-Session-Id", sessionId);
        }
        if (protocolVersion != null) {
            builder.header("MCP-Protocol-Version", protocolVersion);
        }
        return builder;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw McpClientException.io("interrupted while waiting to reconnect", e);
        }
    }
}
