package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.Implementation;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.PromptMessage;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An MCP client for any Streamable HTTP server, on java.net.http only. {@link #connect()} runs the
 * initialize handshake (bounded by {@link Builder#initializeTimeout}); a lost session (404) is
 * re-initialized once for all callers at the same time ({@link SessionGate}), and a request is sent
 * again only when that cannot run it twice ({@link RepeatPolicy}); a dropped stream is resumed with
 * Last-Event-ID; a timed-out or cancelled call sends notifications/cancelled and is never resumed.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle
 */
public final class McpClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(McpClient.class.getName());

    private final Builder config;
    private final StreamableHttpTransport transport;
    private final ExecutorService workers;
    private final SessionGate sessions;
    private final RepeatPolicy repeat = new RepeatPolicy();
    private final ServerRequests serverRequests = new ServerRequests();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean open = true;
    private volatile JsonObject initializeResult;

    private McpClient(Builder config) {
        this.config = config;
        this.transport = new StreamableHttpTransport(config.endpoint, config.requestTimeout, config.streamIdleTimeout,
                config.http != null ? config.http : SseHttp.newClient(), config.bearer);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mcp-client");
            t.setDaemon(true);
            return t;
        });
        this.sessions = new SessionGate(this::initialize, workers);
    }

    public static Builder builder(String endpoint) {
        return new Builder(URI.create(endpoint));
    }

    /** initialize, then notifications/initialized; optionally opens the standalone GET stream. */
    public McpClient connect() {
        Session session = sessions.current();
        if (config.listen) {
            listen(session);
        }
        return this;
    }

    /**
     * The handshake of one session, from initialize to notifications/initialized, so nobody sends on
     * the session before it is ready. Runs on its own worker (see {@link SessionGate}), bounded by
     * the initialize timeout: headers and body alike.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
     */
    private Session initialize(long generation) {
        JsonObjectBuilder capabilities = JsonCodec.object();
        if (config.elicitation != null) {
            capabilities.add("elicitation", JsonCodec.object().add("form", JsonValue.EMPTY_JSON_OBJECT));
        }
        if (config.sampling != null) {
            capabilities.add("sampling", JsonValue.EMPTY_JSON_OBJECT);
        }
        if (config.roots != null) {
            capabilities.add("roots", JsonCodec.object().add("listChanged", false));
        }
        JsonObject params = JsonCodec.object()
                .add("protocolVersion", config.protocolVersion)
                .add("capabilities", capabilities)
                .add("clientInfo", config.clientInfo.toJson()).build();
        Call call = new Call("initialize");
        // the initialize request MUST NOT be cancelled, so a timeout only closes our side
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
        CompletableFuture.delayedExecutor(config.initializeTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(call::abandon);
        StreamableHttpTransport.Initialized initialized;
        try {
            initialized = transport.initialize(new JsonRpcMessage.Request(JsonCodec.number(ids.incrementAndGet()), "initialize", params),
                    config.initializeTimeout, this::onInbound, call);
        } catch (McpClientException e) {
            if (call.abandoned() || e.getCause() instanceof HttpTimeoutException) {
                throw McpClientException.io("initialize timed out after " + SseHttp.describe(config.initializeTimeout), e);
            }
            throw e;
        }
        JsonObject result = unwrap(initialized.response(), "initialize");
        String version = result.getString("protocolVersion", "");
        // the client accepts any version it speaks, including older ones the server chose
        if (!ProtocolVersion.isSupported(version)) {
            transport.delete(new Session(initialized.sessionId(), null, generation));
            throw McpClientException.io("the server speaks protocol " + version + ", this client "
                    + ProtocolVersion.SUPPORTED, null);
        }
        Session session = new Session(initialized.sessionId(), version, generation);
        initializeResult = result;
        transport.send(session, new JsonRpcMessage.Notification("notifications/initialized", JsonValue.EMPTY_JSON_OBJECT));
        if (config.listen && generation > 1) {
            // the standalone stream died with the old session; connect() opened the first one
            workers.execute(() -> listen(session));
        }
        return session;
    }

    private void listen(Session session) {
        transport.listen(session, this::onInbound, () -> open && sessions.isCurrent(session), workers);
    }

    /** The current session id, or null for a server without sessions (or while none is established). */
    public String sessionId() {
        Session session = sessions.established();
        return session == null ? null : session.id();
    }

    public Implementation serverInfo() {
        return Implementation.fromJson(initializeResult.getJsonObject("serverInfo"));
    }

    public String protocolVersion() {
        return initializeResult.getString("protocolVersion");
    }

    public JsonObject serverCapabilities() {
        return initializeResult.getJsonObject("capabilities");
    }

    /** Every tool, following nextCursor to the end. Their annotations tell which calls are safe to repeat. */
    public List<ToolDefinition> listTools() {
        List<ToolDefinition> tools = listAll("tools/list", "tools", ToolDefinition::fromJson);
        repeat.learn(tools);
        return tools;
    }

    public CallToolResult callTool(String name, JsonObject arguments) {
        JsonObjectBuilder params = JsonCodec.object().add("name", name).add("arguments", arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments);
        return CallToolResult.fromJson(request("tools/call", params.build()));
    }

    /** A call the caller can cancel: cancelling sends notifications/cancelled. */
    public CompletableFuture<CallToolResult> callToolAsync(String name, JsonObject arguments) {
        JsonObject params = JsonCodec.object().add("name", name).add("arguments", arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments).build();
        CompletableFuture<JsonObject> call = requestAsync("tools/call", params);
        CompletableFuture<CallToolResult> result = call.thenApply(CallToolResult::fromJson);
        // cancelling the caller's future cancels the call, which tells the server
        result.whenComplete((value, failure) -> {
            if (failure instanceof CancellationException) {
                call.cancel(true);
            }
        });
        return result;
    }

    public List<ResourceDefinition> listResources() {
        return listAll("resources/list", "resources", ResourceDefinition::fromJson);
    }

    public List<ResourceContents> readResource(String uri) {
        List<ResourceContents> out = new ArrayList<>();
        request("resources/read", JsonCodec.object().add("uri", uri).build()).getJsonArray("contents")
                .forEach(c -> out.add(ResourceContents.fromJson(c.asJsonObject())));
        return out;
    }

    public List<PromptDefinition> listPrompts() {
        return listAll("prompts/list", "prompts", PromptDefinition::fromJson);
    }

    public List<PromptMessage> getPrompt(String name, Map<String, String> arguments) {
        JsonObjectBuilder args = JsonCodec.object();
        arguments.forEach(args::add);
        List<PromptMessage> out = new ArrayList<>();
        request("prompts/get", JsonCodec.object().add("name", name).add("arguments", args).build()).getJsonArray("messages")
                .forEach(m -> out.add(PromptMessage.fromJson(m.asJsonObject())));
        return out;
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/ping */
    public void ping() {
        request("ping", JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Any request; the result object. */
    public JsonObject request(String method, JsonObject params) {
        try {
            return requestAsync(method, params).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw McpClientException.io("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof McpClientException m) {
                throw m;
            }
            throw McpClientException.io(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /**
     * Sends a request off the caller's thread, with the per-request timeout. On timeout or when the
     * caller cancels the future, the server is told with notifications/cancelled, and the call is
     * abandoned: its worker is interrupted and its stream is not resumed.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
     */
    public CompletableFuture<JsonObject> requestAsync(String method, JsonObject params) {
        Call call = new Call(method);
        CompletableFuture<JsonObject> result = new CompletableFuture<>();
        Future<?> work = workers.submit(() -> {
            try {
                result.complete(unwrap(sendWithRecovery(method, params, call), method));
            } catch (OutcomeUnknownException e) {
                // we stop waiting: a request the server may still run should stop there too
                if (result.completeExceptionally(e) && !e.sessionLost()) {
                    cancelOnServer(call, "the client lost the response");
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        CompletableFuture.delayedExecutor(config.requestTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (result.completeExceptionally(McpClientException.io(method + " timed out after "
                    + config.requestTimeout.toMillis() + " ms", null))) {
                stop(call, "timed out", work);
            }
        });
        result.whenComplete((value, failure) -> {
            if (failure instanceof CancellationException) {
                stop(call, "cancelled by the caller", work);
            }
        });
        return result;
    }

    private void stop(Call call, String reason, Future<?> work) {
        call.abandon();
        work.cancel(true);
        cancelOnServer(call, reason);
    }

    /**
     * Sends on the current session and recovers from its loss (404). Which requests are sent again:
     * <ul>
     * <li>404 on the POST itself: the server refused the request before running it (it knows no such
     * session), so sending it again on a new session runs it once. Safe for any request.</li>
     * <li>404 while resuming the response stream: the server had accepted the request, then the session
     * ended. The request may have run, or may be half done; sending it again could run
     * {@code add_user} or {@code delete_user} twice. Only requests that are safe to repeat
     * ({@link RepeatPolicy}) are sent again; any other fails with {@link OutcomeUnknownException}.</li>
     * </ul>
     * Either way the session is renewed once for every caller ({@link SessionGate}), and a request is
     * sent again at most once.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
     */
    private JsonRpcMessage sendWithRecovery(String method, JsonObject params, Call call) {
        Session session = sessions.current();
        try {
            return send(session, method, params, call);
        } catch (SessionExpiredException e) {
            LOG.info(() -> "MCP session expired before it took " + method + "; sending it again on a new session");
            return send(SessionGate.await(sessions.renew(session)), method, params, call);
        } catch (OutcomeUnknownException e) {
            if (!e.sessionLost()) {
                throw e;
            }
            CompletableFuture<Session> next = sessions.renew(session);
            if (!repeat.safeToRepeat(method, params)) {
                throw e;
            }
            LOG.info(() -> "MCP session expired while " + method + " ran; it is safe to repeat, sending it again on a new session");
            return send(SessionGate.await(next), method, params, call);
        }
    }

    private JsonRpcMessage send(Session session, String method, JsonObject params, Call call) {
        JsonValue id = JsonCodec.number(ids.incrementAndGet());
        call.sent(id, session);
        JsonObject withToken = params;
        if (config.progress != null && "tools/call".equals(method)) {
            // ask for progress, with the request id as the token
            withToken = JsonCodec.object(params).add("_meta", JsonCodec.object().add("progressToken", id)).build();
        }
        return transport.request(session, new JsonRpcMessage.Request(id, method, withToken), this::onInbound, call);
    }

    private <T> List<T> listAll(String method, String key, Function<JsonObject, T> read) {
        List<T> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = request(method, cursor == null ? JsonValue.EMPTY_JSON_OBJECT
                    : JsonCodec.object().add("cursor", cursor).build());
            page.getJsonArray(key).forEach(v -> out.add(read.apply(v.asJsonObject())));
            cursor = page.get("nextCursor") instanceof JsonString s ? s.getString() : null;
        } while (cursor != null);
        return out;
    }

    private static JsonObject unwrap(JsonRpcMessage message, String method) {
        if (message instanceof JsonRpcMessage.Error e) {
            throw McpClientException.rpc(e.error().code(), method + " failed: " + e.error().message());
        }
        return ((JsonRpcMessage.Result) message).result();
    }

    private void cancelOnServer(Call call, String reason) {
        JsonValue id = call.id();
        if (id == null || !open) {
            return;
        }
        try {
            transport.send(call.session(), new JsonRpcMessage.Notification("notifications/cancelled",
                    JsonCodec.object().add("requestId", id).add("reason", reason).build()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not send notifications/cancelled", e);
        }
    }

    /** Notifications and server requests that arrive on any stream. */
    private void onInbound(JsonRpcMessage message) {
        if (message instanceof JsonRpcMessage.Notification n) {
            onNotification(n);
        } else if (message instanceof JsonRpcMessage.Request r) {
            // answered off the reading thread, so the stream keeps flowing while a person thinks
            ServerRequests.Answering answering = serverRequests.track(r);
            answering.runningAs(workers.submit(() -> answer(answering)));
        }
    }

    private void onNotification(JsonRpcMessage.Notification n) {
        JsonObject p = n.params();
        switch (n.method()) {
            case "notifications/progress" -> {
                if (config.progress != null && p.get("progress") instanceof JsonNumber progress) {
                    config.progress.progress(p.get("progressToken"), progress.doubleValue(),
                            p.get("total") instanceof JsonNumber t ? t.doubleValue() : null, p.getString("message", null));
                }
            }
            case "notifications/cancelled" -> {
                // the server gave up on one of its requests: stop the handler, send no answer
                if (!serverRequests.cancel(p.get("requestId"), p.getString("reason", null)) && config.other != null) {
                    config.other.notification(n.method(), p);
                }
            }
            case "notifications/message" -> {
                if (config.log != null) {
                    config.log.log(p.getString("level", "info"), p.getString("logger", null), p.getOrDefault("data", JsonValue.NULL));
                }
            }
            default -> {
                if (n.method().endsWith("/list_changed") && config.listChanged != null) {
                    config.listChanged.changed(n.method());
                } else if (config.other != null) {
                    config.other.notification(n.method(), p);
                }
            }
        }
    }

    /**
     * https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation and .../client/sampling;
     * a request the server cancelled meanwhile gets no response.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
     */
    private void answer(ServerRequests.Answering answering) {
        JsonRpcMessage.Request request = answering.request;
        JsonRpcMessage reply;
        try {
            JsonObject result = switch (request.method()) {
                case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
                case "elicitation/create" -> config.elicitation == null ? null : elicit(answering.elicitation);
                case "sampling/createMessage" -> config.sampling == null ? null : config.sampling.apply(request.params());
                case "roots/list" -> config.roots == null ? null : roots();
                default -> null;
            };
            reply = result == null
                    ? new JsonRpcMessage.Error(request.id(), new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND,
                    "This client does not handle " + request.method()))
                    : new JsonRpcMessage.Result(request.id(), result);
        } catch (RuntimeException e) {
            reply = new JsonRpcMessage.Error(request.id(), new JsonRpcError(JsonRpcError.INTERNAL_ERROR, String.valueOf(e.getMessage())));
        }
        if (!serverRequests.finish(answering)) {
            return; // cancelled by the server while the handler ran
        }
        try {
            transport.send(sessions.established(), reply);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not answer " + request.method(), e);
        }
    }

    private JsonObject elicit(Elicitation question) {
        ElicitationHandler.Answer answer = config.elicitation.elicit(question);
        JsonObjectBuilder result = JsonCodec.object().add("action", answer.action());
        if ("accept".equals(answer.action())) {
            result.add("content", Elicitation.withDefaults(question.requestedSchema(), answer.content()));
        }
        return result.build();
    }

    private JsonObject roots() {
        var list = JsonCodec.array();
        config.roots.forEach(uri -> list.add(JsonCodec.object().add("uri", uri)));
        return JsonCodec.object().add("roots", list).build();
    }

    /** Sends DELETE to end the session (a 405 is fine) and stops the client's threads. */
    @Override
    public void close() {
        open = false;
        serverRequests.cancelAll("the client closed");
        transport.delete(sessions.established());
        workers.shutdownNow();
    }

    /** Client info, capabilities, handlers and listeners. */
    public static final class Builder {
        private final URI endpoint;
        private Implementation clientInfo = new Implementation("jakarta-mcp-client", null, "1.0.0");
        private String protocolVersion = ProtocolVersion.LATEST;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration initializeTimeout = Duration.ofSeconds(30);
        private Duration streamIdleTimeout = StreamableHttpTransport.DEFAULT_STREAM_IDLE;
        private HttpClient http;
        private java.util.function.Supplier<String> bearer = () -> null;
        private ElicitationHandler elicitation;
        private Function<JsonObject, JsonObject> sampling;
        private List<String> roots;
        private Listeners.Progress progress;
        private Listeners.Log log;
        private Listeners.ListChanged listChanged;
        private Listeners.Other other;
        private boolean listen;

        private Builder(URI endpoint) {
            this.endpoint = endpoint;
        }

        public Builder clientInfo(String name, String version) {
            this.clientInfo = new Implementation(name, null, version);
            return this;
        }

        /** The version offered at initialize; the client accepts any supported one the server picks. */
        public Builder protocolVersion(String version) {
            this.protocolVersion = version;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** How long initialize may take, headers and body, before connect (or a recovery) fails. Default 30 s. */
        public Builder initializeTimeout(Duration timeout) {
            this.initializeTimeout = timeout;
            return this;
        }

        /**
         * How long a stream may send no bytes at all before the client gives up on it: a request's
         * stream then fails with {@link OutcomeUnknownException}, the standalone stream reconnects.
         * Default 5 minutes, since a tool may work that long without a word.
         */
        public Builder streamIdleTimeout(Duration timeout) {
            this.streamIdleTimeout = timeout;
            return this;
        }

        /**
         * Where the access token for this server comes from, asked before every request (so a
         * refreshed token is used at once); null from it means none. Only ever give it tokens
         * issued for this server.
         */
        public Builder bearerToken(java.util.function.Supplier<String> tokens) {
            this.bearer = tokens == null ? () -> null : tokens;
            return this;
        }

        /** The application's shared HttpClient (HTTP/1.1 recommended: {@link SseHttp#newClient()}); default: one per client. */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        /**
         * Declares the elicitation capability (form mode). Omitted fields are filled from the schema's
         * defaults. Use {@link ElicitationHandler#of} to learn when the server withdraws a question.
         */
        public Builder elicitation(ElicitationHandler handler) {
            this.elicitation = handler;
            return this;
        }

        /**
         * Declares the sampling capability: the handler gets createMessage params and returns its result.
         * When the server cancels the request, the handler's thread is interrupted and its result dropped.
         */
        public Builder sampling(Function<JsonObject, JsonObject> handler) {
            this.sampling = handler;
            return this;
        }

        public Builder roots(List<String> uris) {
            this.roots = List.copyOf(uris);
            return this;
        }

        public Builder onProgress(Listeners.Progress listener) {
            this.progress = listener;
            return this;
        }

        public Builder onLog(Listeners.Log listener) {
            this.log = listener;
            return this;
        }

        public Builder onListChanged(Listeners.ListChanged listener) {
            this.listChanged = listener;
            return this;
        }

        public Builder onNotification(Listeners.Other listener) {
            this.other = listener;
            return this;
        }

        /** Keep the standalone GET stream open for server notifications, when the server offers one. */
        public Builder listen(boolean listen) {
            this.listen = listen;
            return this;
        }

        public McpClient build() {
            return new McpClient(this);
        }

        public McpClient connect() {
            return build().connect();
        }
    }
}
