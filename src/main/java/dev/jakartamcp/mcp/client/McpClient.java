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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An MCP client for any Streamable HTTP server, on java.net.http only. {@link #connect()} runs the
 * initialize handshake; a lost session (404) is re-initialized once, transparently; a dropped stream
 * is resumed with Last-Event-ID; a timed-out or cancelled call sends notifications/cancelled.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle
 */
public final class McpClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(McpClient.class.getName());

    private final Builder config;
    private final StreamableHttpTransport transport;
    private final ExecutorService workers;
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean open = true;
    private volatile JsonObject initializeResult;

    private McpClient(Builder config) {
        this.config = config;
        this.transport = config.http == null ? new StreamableHttpTransport(config.endpoint, config.requestTimeout)
                : new StreamableHttpTransport(config.endpoint, config.requestTimeout, config.http);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mcp-client");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(String endpoint) {
        return new Builder(URI.create(endpoint));
    }

    /** initialize, then notifications/initialized; optionally opens the standalone GET stream. */
    public McpClient connect() {
        initialize();
        if (config.listen) {
            transport.listen(this::onInbound, () -> open, workers);
        }
        return this;
    }

    /**
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
     */
    private synchronized void initialize() {
        transport.sessionEnded();
        transport.protocolVersion(null);
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
        JsonObject result = unwrap(send("initialize", params, true), "initialize");
        String version = result.getString("protocolVersion", "");
        // the client accepts any version it speaks, including older ones the server chose
        if (!ProtocolVersion.isSupported(version)) {
            transport.delete();
            throw McpClientException.io("the server speaks protocol " + version + ", this client "
                    + ProtocolVersion.SUPPORTED, null);
        }
        transport.protocolVersion(version);
        initializeResult = result;
        transport.send(new JsonRpcMessage.Notification("notifications/initialized", JsonValue.EMPTY_JSON_OBJECT));
    }

    /** The current session id, or null for a server without sessions. */
    public String sessionId() {
        return transport.sessionId();
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

    /** Every tool, following nextCursor to the end. */
    public List<ToolDefinition> listTools() {
        return listAll("tools/list", "tools", ToolDefinition::fromJson);
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
     * caller cancels the future, the server is told with notifications/cancelled.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
     */
    public CompletableFuture<JsonObject> requestAsync(String method, JsonObject params) {
        AtomicReference<InputStream> body = new AtomicReference<>();
        AtomicReference<JsonValue> sentId = new AtomicReference<>();
        CompletableFuture<JsonObject> result = new CompletableFuture<>();
        CompletableFuture<?> work = CompletableFuture.runAsync(() -> {
            try {
                result.complete(unwrap(sendWithRecovery(method, params, body, sentId), method));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, workers);
        CompletableFuture.delayedExecutor(config.requestTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (result.completeExceptionally(McpClientException.io(method + " timed out after "
                    + config.requestTimeout.toMillis() + " ms", null))) {
                stop(sentId.get(), "timed out", body.get(), work);
            }
        });
        result.whenComplete((value, failure) -> {
            if (failure instanceof CancellationException) {
                stop(sentId.get(), "cancelled by the caller", body.get(), work);
            }
        });
        return result;
    }

    private void stop(JsonValue id, String reason, InputStream body, CompletableFuture<?> work) {
        cancelOnServer(id, reason);
        closeQuietly(body);
        work.cancel(true);
    }

    /** A 404 on an established session means it is gone: initialize again, once, and retry. */
    private JsonRpcMessage sendWithRecovery(String method, JsonObject params, AtomicReference<InputStream> body,
                                            AtomicReference<JsonValue> sentId) {
        try {
            return send(method, params, false, body, sentId);
        } catch (SessionExpiredException e) {
            LOG.info(() -> "MCP session expired; initializing a new one and retrying " + method);
            initialize();
            return send(method, params, false, body, sentId);
        }
    }

    private JsonRpcMessage send(String method, JsonObject params, boolean initialize) {
        return send(method, params, initialize, new AtomicReference<>(), new AtomicReference<>());
    }

    private JsonRpcMessage send(String method, JsonObject params, boolean initialize, AtomicReference<InputStream> body,
                                AtomicReference<JsonValue> sentId) {
        JsonValue id = JsonCodec.number(ids.incrementAndGet());
        sentId.set(id);
        JsonObject withToken = params;
        if (config.progress != null && "tools/call".equals(method)) {
            // ask for progress, with the request id as the token
            withToken = JsonCodec.object(params).add("_meta", JsonCodec.object().add("progressToken", id)).build();
        }
        return transport.request(new JsonRpcMessage.Request(id, method, withToken), initialize, this::onInbound, body::set);
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

    private void cancelOnServer(JsonValue id, String reason) {
        if (id == null || !open) {
            return;
        }
        try {
            transport.send(new JsonRpcMessage.Notification("notifications/cancelled",
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
            workers.execute(() -> answer(r));
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

    /** https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation and .../client/sampling */
    private void answer(JsonRpcMessage.Request request) {
        JsonRpcMessage reply;
        try {
            JsonObject result = switch (request.method()) {
                case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
                case "elicitation/create" -> config.elicitation == null ? null : elicit(request.params());
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
        try {
            transport.send(reply);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not answer " + request.method(), e);
        }
    }

    private JsonObject elicit(JsonObject params) {
        JsonObject schema = params.getJsonObject("requestedSchema");
        ElicitationHandler.Answer answer = config.elicitation.elicit(params.getString("message", ""),
                schema == null ? JsonValue.EMPTY_JSON_OBJECT : schema);
        JsonObjectBuilder result = JsonCodec.object().add("action", answer.action());
        if ("accept".equals(answer.action())) {
            result.add("content", Elicitation.withDefaults(schema, answer.content()));
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
        transport.delete();
        workers.shutdownNow();
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a response body", e);
            }
        }
    }

    /** Client info, capabilities, handlers and listeners. */
    public static final class Builder {
        private final URI endpoint;
        private Implementation clientInfo = new Implementation("jakarta-mcp-client", null, "1.0.0");
        private String protocolVersion = ProtocolVersion.LATEST;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private ElicitationHandler elicitation;
        private Function<JsonObject, JsonObject> sampling;
        private List<String> roots;
        private Listeners.Progress progress;
        private Listeners.Log log;
        private Listeners.ListChanged listChanged;
        private Listeners.Other other;
        private boolean listen;
        private java.net.http.HttpClient http;

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

        /** Declares the elicitation capability (form mode). Omitted fields are filled from the schema's defaults. */
        public Builder elicitation(ElicitationHandler handler) {
            this.elicitation = handler;
            return this;
        }

        /** Declares the sampling capability: the handler gets createMessage params and returns its result. */
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

        /** Use this HttpClient (shared, e.g. one per application) instead of one of its own. */
        public Builder httpClient(java.net.http.HttpClient http) {
            this.http = http;
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
