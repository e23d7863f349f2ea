package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The client side of Streamable HTTP on java.net.http: POSTs answered with JSON or SSE, the session
 * and protocol-version headers, resuming a dropped stream with GET and Last-Event-ID, the optional
 * standalone GET stream, and DELETE. It keeps no session state: every exchange names its session.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
final class StreamableHttpTransport {

    /** How long to wait before resuming a dropped stream when the server sent no retry field. */
    static final long DEFAULT_RETRY_MILLIS = 1000;
    /** How many times one request's stream is resumed before giving up. */
    static final int MAX_RESUMES = 5;
    /**
     * How long a stream may send nothing. A tool may legitimately work for minutes without a word
     * (progress is optional, and this project's server sends no keep-alives), so this is generous;
     * it ends streams that died without a FIN (a vanished peer, a dropped NAT entry), which the
     * request timeout, covering only the headers, never would.
     */
    static final Duration DEFAULT_STREAM_IDLE = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(StreamableHttpTransport.class.getName());

    private final HttpClient http;
    private final URI endpoint;
    private final Duration headersTimeout;
    private final Duration streamIdle;
    private final Supplier<String> bearer;
    /** Told of a 401 or 403 with its WWW-Authenticate; true: a new token is ready, send again. Null without OAuth. */
    private final Challenges challenged;

    /** OAuth's side of a refused request: status, WWW-Authenticate, and the token the request carried. */
    @FunctionalInterface
    interface Challenges {
        boolean challenged(int status, String wwwAuthenticate, String sentToken);
    }
    /** Authorizations one request may cause (a 401, then scope step-ups) before it fails: no loops. */
    static final int MAX_AUTHORIZATIONS = 3;

    /**
     * Which messages may be sent a second time when the first attempt got not one byte back (see
     * {@link #post}); given the method and params. By default everything but tools/call; the client
     * sets its {@link RepeatPolicy}.
     */
    private volatile BiPredicate<String, JsonObject> resendable = (method, params) -> !"tools/call".equals(method);

    void resendable(BiPredicate<String, JsonObject> policy) {
        this.resendable = policy;
    }

    StreamableHttpTransport(URI endpoint, Duration headersTimeout) {
        this(endpoint, headersTimeout, DEFAULT_STREAM_IDLE, SseHttp.newClient(), () -> null, null);
    }

    /** With the application's shared HttpClient. */
    StreamableHttpTransport(URI endpoint, Duration headersTimeout, Duration streamIdle, HttpClient http, Supplier<String> bearer,
                            Challenges challenged) {
        this.bearer = bearer;
        this.challenged = challenged;
        this.endpoint = endpoint;
        this.headersTimeout = headersTimeout;
        this.streamIdle = streamIdle;
        this.http = http;
    }

    /** What initialize got: the response, and the session id from its headers (null without sessions). */
    record Initialized(JsonRpcMessage response, String sessionId) {
    }

    /** POSTs initialize without a session; {@code timeout} bounds the wait for its headers. */
    Initialized initialize(JsonRpcMessage.Request request, Duration timeout, Consumer<JsonRpcMessage> inbound, Call call) {
        HttpResponse<InputStream> response = post(null, JsonRpcCodec.encode(request), timeout, true, Map.of());
        String sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        Session session = new Session(sessionId, null, 0);
        return new Initialized(readResponse(session, request, response, inbound, call), sessionId);
    }

    /**
     * POSTs a request on {@code session} and returns its response; notifications and server requests
     * that arrive on the stream first go to {@code inbound}, as they come.
     *
     * @throws SessionExpiredException  404 on the POST: the server refused it without running it
     * @throws OutcomeUnknownException the request was accepted but its response was lost
     */
    JsonRpcMessage request(Session session, JsonRpcMessage.Request request, Consumer<JsonRpcMessage> inbound, Call call) {
        return request(session, request, Map.of(), inbound, call);
    }

    /** The same, with extra headers (the 2026-07-28 Mcp-Method, Mcp-Name and Mcp-Param-* ones). */
    JsonRpcMessage request(Session session, JsonRpcMessage.Request request, Map<String, String> extraHeaders,
                           Consumer<JsonRpcMessage> inbound, Call call) {
        return request(session, request, extraHeaders, headersTimeout, inbound, call);
    }

    /** The same, with its own bound on the wait for the headers (server/discover has initialize's). */
    JsonRpcMessage request(Session session, JsonRpcMessage.Request request, Map<String, String> extraHeaders,
                           Duration timeout, Consumer<JsonRpcMessage> inbound, Call call) {
        if (call.abandoned()) {
            throw McpClientException.io(request.method() + " was abandoned", null);
        }
        HttpResponse<InputStream> response = post(session, JsonRpcCodec.encode(request), timeout, false, extraHeaders);
        return readResponse(session, request, response, inbound, call);
    }

    /**
     * A 2026-07-28 subscriptions/listen stream: POSTs the request and hands every notification on its
     * SSE response to {@code inbound} until the stream ends (the server's final result, a drop, or
     * {@code call} abandoned); then opens it again after the server's retry, while {@code open} says
     * so. Nothing is resumed: there are no event ids in this revision.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    void subscribe(Session session, java.util.function.Supplier<JsonRpcMessage.Request> requests, Map<String, String> extraHeaders,
                   Consumer<JsonRpcMessage> inbound, BooleanSupplier open, Call call) {
        long retry = DEFAULT_RETRY_MILLIS;
        while (open.getAsBoolean() && !call.abandoned()) {
            JsonRpcMessage.Request request = requests.get();
            try {
                HttpResponse<InputStream> response = post(session, JsonRpcCodec.encode(request), headersTimeout, false, extraHeaders);
                call.hold(response.body());
                if (!response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                    // a plain answer (an error, or a server without subscriptions): asking again would get the same
                    LOG.warning(() -> "subscriptions/listen was not answered with a stream: " + SseHttp.excerpt(response.body()));
                    return;
                }
                JsonRpcMessage[] end = new JsonRpcMessage[1];
                SseParser parser = new SseParser(e -> dispatch(e, inbound, request.id(), end));
                SseHttp.pump(response.body(), parser, streamIdle, () -> end[0] != null || call.abandoned());
                retry = parser.retry() != null ? parser.retry() : retry;
            } catch (McpClientException e) {
                if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
                    LOG.log(Level.WARNING, "the server refused subscriptions/listen: " + e.getMessage());
                    return; // asking again would be refused again
                }
                LOG.log(Level.FINE, "subscriptions/listen failed", e);
            } catch (SseLimitException e) {
                LOG.log(Level.WARNING, "subscription stream refused: " + e.getMessage());
                return;
            } catch (IOException e) {
                LOG.log(Level.FINE, "subscription stream dropped", e);
            }
            if (!SseHttp.pause(Math.max(retry, DEFAULT_RETRY_MILLIS))) {
                return;
            }
        }
    }

    private JsonRpcMessage readResponse(Session session, JsonRpcMessage.Request request, HttpResponse<InputStream> response,
                                        Consumer<JsonRpcMessage> inbound, Call call) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        call.hold(response.body());
        if (type.startsWith("text/event-stream")) {
            return readStream(session, response.body(), request, inbound, call);
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
    void send(Session session, JsonRpcMessage message) {
        HttpResponse<InputStream> response = post(session, JsonRpcCodec.encode(message), headersTimeout, false, Map.of());
        try (InputStream body = response.body()) {
            body.readAllBytes();
        } catch (IOException e) {
            LOG.log(Level.FINE, "reading an acknowledgement", e);
        }
    }

    /** Ends the session; a server without explicit termination answers 405, which is fine. */
    void delete(Session session) {
        if (session == null || session.id() == null) {
            return;
        }
        try {
            http.send(headers(HttpRequest.newBuilder(endpoint), session).DELETE().timeout(headersTimeout).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.log(Level.FINE, "DELETE failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Opens the standalone GET stream of {@code session} and returns once the server answered, so
     * nothing the server sends on it afterwards is missed; a reader then keeps it open while
     * {@code open} says so, resuming after drops. A silent stream is normal here, so the idle watchdog
     * only makes it reconnect (which also replaces a connection that died without a FIN). Returns
     * false when the server offers no such stream (405 or any other refusal).
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server
     */
    boolean listen(Session session, Consumer<JsonRpcMessage> inbound, BooleanSupplier open, Executor executor) {
        HttpResponse<InputStream> first = openGet(session, null);
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
                    SseHttp.pump(response.body(), parser, streamIdle, () -> !open.getAsBoolean());
                } catch (IOException e) {
                    LOG.log(Level.FINE, "standalone stream dropped", e);
                } catch (SseLimitException e) {
                    LOG.log(Level.WARNING, "standalone stream refused: " + e.getMessage());
                    return;
                }
                lastEventId = parser.lastEventId() != null ? parser.lastEventId() : lastEventId;
                retry = parser.retry() != null ? parser.retry() : retry;
                if (!SseHttp.pause(retry)) {
                    return;
                }
                response = open.getAsBoolean() ? openGet(session, lastEventId) : null;
            }
        });
        return true;
    }

    private HttpResponse<InputStream> openGet(Session session, String lastEventId) {
        try {
            HttpRequest.Builder get = headers(HttpRequest.newBuilder(endpoint), session).header("Accept", "text/event-stream")
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
     * Reads an SSE response until the response to the request arrives. When the stream ends first,
     * waits the server's retry (or {@link #DEFAULT_RETRY_MILLIS}) and resumes it with GET and
     * Last-Event-ID, so the response is delivered exactly once; but never for a call nobody waits
     * for any more.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
     */
    private JsonRpcMessage readStream(Session session, InputStream first, JsonRpcMessage.Request request,
                                      Consumer<JsonRpcMessage> inbound, Call call) {
        String method = request.method();
        InputStream body = first;
        String lastEventId = null;
        long retry = DEFAULT_RETRY_MILLIS;
        for (int resumes = 0; ; resumes++) {
            JsonRpcMessage[] response = new JsonRpcMessage[1];
            SseParser parser = new SseParser(e -> dispatch(e, inbound, request.id(), response));
            try {
                SseHttp.pump(body, parser, streamIdle, () -> response[0] != null || call.abandoned());
            } catch (SseHttp.IdleTimeoutException e) {
                if (!call.abandoned()) {
                    throw OutcomeUnknownException.streamLost(method, "its stream sent no bytes for " + SseHttp.describe(e.idle())
                            + " (the client's stream idle timeout)", 0, e);
                }
            } catch (SseLimitException e) {
                throw McpClientException.io(method + ": the response stream was refused: " + e.getMessage(), e);
            } catch (IOException e) {
                LOG.log(Level.FINE, "stream dropped", e);
            }
            if (response[0] != null) {
                return response[0];
            }
            if (call.abandoned()) {
                throw McpClientException.io(method + " was abandoned; its stream is not resumed", null);
            }
            lastEventId = parser.lastEventId() != null ? parser.lastEventId() : lastEventId;
            retry = parser.retry() != null ? parser.retry() : retry;
            if (lastEventId == null || resumes >= MAX_RESUMES) {
                throw OutcomeUnknownException.streamLost(method, "the stream ended before the response"
                        + (lastEventId == null ? " and cannot be resumed (no event id)" : " after " + resumes + " resumes"), 0, null);
            }
            if (!SseHttp.pause(retry) || call.abandoned()) {
                throw McpClientException.io(method + " was abandoned; its stream is not resumed", null);
            }
            body = resume(session, lastEventId, method);
            call.hold(body);
        }
    }

    private InputStream resume(Session session, String lastEventId, String method) {
        try {
            HttpRequest get = headers(HttpRequest.newBuilder(endpoint), session).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", lastEventId).timeout(headersTimeout).GET().build();
            HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 404) {
                response.body().close();
                throw OutcomeUnknownException.sessionLost(method);
            }
            if (response.statusCode() != 200) {
                throw OutcomeUnknownException.streamLost(method, "resuming its stream with Last-Event-ID failed: HTTP "
                        + response.statusCode() + " " + SseHttp.excerpt(response.body()), response.statusCode(), null);
            }
            return response.body();
        } catch (IOException e) {
            throw OutcomeUnknownException.streamLost(method, "resuming its stream failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw McpClientException.io("interrupted while resuming", e);
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
        if (text.isEmpty() || SseHttp.isDone(text)) {
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

    /**
     * Sends once, and a second time when the first attempt got not one byte back: the connection came
     * from the pool and the server had just closed it (Node.js closes idle keep-alive connections after
     * 5 s; the JDK can hand one out in the instant before it notices). The server never answered, and
     * almost always never read the request; still, a tool that is not safe to repeat is not sent again
     * blindly: its outcome is reported unknown instead, as for any lost response.
     */
    private HttpResponse<InputStream> sendOrResend(HttpRequest request, JsonValue body) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (!noAnswerAtAll(e)) {
                throw e;
            }
            String method = body instanceof JsonObject o ? o.getString("method", null) : null;
            JsonObject params = body instanceof JsonObject o && o.get("params") instanceof JsonObject p ? p : null;
            if (method != null && body.asJsonObject().containsKey("id") && !resendable.test(method, params)) {
                throw OutcomeUnknownException.streamLost(method, "the connection closed before any byte of the answer", 0, e);
            }
            LOG.fine(() -> "the connection closed before any byte of the answer; sending again: " + e);
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
    }

    /** The JDK's words for a connection that ended before the status line: an EOF with no bytes read. */
    static boolean noAnswerAtAll(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<InputStream> post(Session session, JsonValue body, Duration timeout, boolean initialize,
                                           Map<String, String> extraHeaders) {
        byte[] bytes = JsonCodec.writeBytes(body);
        try {
            for (int authorizations = 0; ; authorizations++) {
                String sentToken = bearer.get();
                HttpRequest.Builder builder = headers(HttpRequest.newBuilder(endpoint), session, sentToken)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
                extraHeaders.forEach(builder::header);
                HttpResponse<InputStream> response = sendOrResend(builder.build(), body);
                int status = response.statusCode();
                if ((status == 401 || status == 403) && challenged != null) {
                    String challenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
                    if (authorizations >= MAX_AUTHORIZATIONS) {
                        response.body().close();
                        throw new dev.jakartamcp.mcp.client.auth.AuthorizationException("HTTP " + status + " after "
                                + MAX_AUTHORIZATIONS + " authorizations for one request: giving up");
                    }
                    if (challenged.challenged(status, challenge, sentToken)) {
                        response.body().close();
                        continue;
                    }
                }
                if (status == 404 && !initialize && session != null && session.id() != null) {
                    response.body().close();
                    throw new SessionExpiredException();
                }
                if (status >= 400) {
                    String excerpt = SseHttp.excerpt(response.body());
                    if (session != null && session.modern()) {
                        throw modernError(status, excerpt);
                    }
                    throw McpClientException.http(status, excerpt);
                }
                return response;
            }
        } catch (HttpTimeoutException e) {
            throw McpClientException.io("no answer from " + endpoint + " within " + SseHttp.describe(timeout) + " (timed out)", e);
        } catch (IOException e) {
            throw McpClientException.io("cannot reach " + endpoint + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw McpClientException.io("interrupted", e);
        }
    }

    /**
     * A 2026-07-28 server answers errors with an HTTP status and a JSON-RPC error body (400 -32022 for
     * an unsupported version, 404 -32601 for an unknown method, ...): both are kept, and the error's
     * data, so the client can pick a version from -32022's {@code supported}. A body that is not a
     * JSON-RPC error is an HTTP failure as before.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#backward-compatibility
     */
    private static McpClientException modernError(int status, String body) {
        JsonRpcMessage message = body.isBlank() ? null : decode(body);
        if (message instanceof JsonRpcMessage.Error e) {
            return new McpClientException(e.error().message() + " (HTTP " + status + ", JSON-RPC error " + e.error().code() + ")",
                    e.error().code(), status, e.error().data(), null);
        }
        return McpClientException.http(status, body);
    }

    /**
     * The access token, when there is one, goes on every request; the session id and negotiated
     * version on every request after initialize.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#access-token-usage
     */
    private HttpRequest.Builder headers(HttpRequest.Builder builder, Session session) {
        return headers(builder, session, bearer.get());
    }

    private HttpRequest.Builder headers(HttpRequest.Builder builder, Session session, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (session != null && session.id() != null) {
            builder.header("Mcp-Session-Id", session.id());
        }
        if (session != null && session.protocolVersion() != null) {
            builder.header("MCP-Protocol-Version", session.protocolVersion());
        }
        return builder;
    }
}
