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
import jakarta.json.JsonArray;
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
import java.util.concurrent.ConcurrentHashMap;
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
 * An MCP client for any Streamable HTTP server, on java.net.http only, speaking both eras: the
 * 2026-07-28 revision (stateless: every request carries its version, capabilities and client info)
 * and 2025-11-25 and before (an initialize handshake and a session). {@link Builder#protocol} picks
 * one, or {@code auto} (the default) asks the server: {@code server/discover} first, and
 * {@code initialize} when the answer is not a 2026 one ({@link #protocolVersion()} tells which).
 * <p>
 * 2025: {@link #connect()} runs the
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
    private final ModernWire wire;
    private final ListCache cache;
    /** The x-mcp-header annotations of the tools last listed, by tool name (2026-07-28). */
    private final Map<String, ToolHeaders> toolHeaders = new ConcurrentHashMap<>();
    private volatile boolean open = true;
    private volatile JsonObject initializeResult;
    /** The era, once known: the server answered server/discover (false) or did not (true). */
    private volatile Boolean legacyServer;
    private volatile Call subscription;

    private McpClient(Builder config) {
        this.config = config;
        this.transport = new StreamableHttpTransport(config.endpoint, config.requestTimeout, config.streamIdleTimeout,
                config.http != null ? config.http : SseHttp.newClient(), config.bearer, config.challenged);
        transport.resendable((method, params) -> !"tools/call".equals(method) || repeat.safeToRepeat(method, params));
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mcp-client");
            t.setDaemon(true);
            return t;
        });
        this.sessions = new SessionGate(this::establish, workers);
        this.wire = new ModernWire(capabilities(), config.clientInfo);
        this.cache = new ListCache(config.maxCacheTtl);
    }

    public static Builder builder(String endpoint) {
        return new Builder(URI.create(endpoint));
    }

    /** initialize, then notifications/initialized; optionally opens the standalone GET stream. */
    public McpClient connect() {
        Session session = sessions.current();
        if (config.listen) {
            if (session.modern()) {
                subscribe(session);
            } else {
                listen(session);
            }
        }
        if (!session.modern()) {
            // https://modelcontextprotocol.io/specification/2025-11-25/server/resources#subscriptions
            config.resourceSubscriptions.forEach(uri -> request("resources/subscribe", JsonCodec.object().add("uri", uri).build()));
        }
        return this;
    }

    /**
     * The way to talk to this server: the era chosen, or the one found out. Auto tries a 2026-07-28
     * request first: a successful server/discover, or a 2026 error (-32020, -32021, -32022) means a
     * modern server; any other answer (an empty or unrecognised body, 400, 404, 405) means a legacy
     * one, and the client falls back to initialize. The finding is kept for the client's lifetime.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#backward-compatibility
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#backward-compatibility-with-initialization-based-versions
     */
    private Session establish(long generation) {
        if (config.protocol == Protocol.LEGACY || Boolean.TRUE.equals(legacyServer)) {
            return initialize(generation, config.protocolVersion);
        }
        try {
            Session session = discover(generation);
            legacyServer = false;
            return session;
        } catch (LegacyAnswer legacy) {
            legacyServer = true;
            LOG.fine(() -> "no 2026-07-28 answer from " + config.endpoint + " (" + legacy.getMessage() + "); falling back to initialize");
            return initialize(generation, legacy.version != null ? legacy.version : config.protocolVersion);
        }
    }

    /** The probe's answer came from a server of the initialize era; version: the one it named, if any. */
    private static final class LegacyAnswer extends RuntimeException {
        final String version;

        LegacyAnswer(String why, String version) {
            super(why, null, false, false);
            this.version = version;
        }
    }

    /**
     * server/discover with the 2026 envelope. On -32022 the client picks from {@code data.supported}:
     * 2026-07-28 again (once), or a 2025 version for initialize.
     * https://modelcontextprotocol.io/specification/2026-07-28/server/discover
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#protocol-version-negotiation
     */
    private Session discover(long generation) {
        Session probe = new Session(null, ProtocolVersion.V2026_07_28, generation);
        for (int attempt = 0; ; attempt++) {
            Call call = new Call("server/discover");
            CompletableFuture.delayedExecutor(config.initializeTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(call::abandon);
            try {
                JsonObject params = wire.envelope(JsonValue.EMPTY_JSON_OBJECT, probe.protocolVersion());
                JsonRpcMessage.Request request = new JsonRpcMessage.Request(JsonCodec.number(ids.incrementAndGet()), "server/discover", params);
                call.sent(request.id(), probe);
                JsonObject result = unwrap(transport.request(probe, request, ModernWire.standardHeaders("server/discover", params),
                        config.initializeTimeout, this::onInbound, call), "server/discover");
                if (!(result.get("supportedVersions") instanceof JsonArray versions)
                        || !versions.contains(JsonCodec.string(ProtocolVersion.V2026_07_28))) {
                    if (config.protocol == Protocol.AUTO) {
                        throw new LegacyAnswer("server/discover answered without 2026-07-28 in supportedVersions", null);
                    }
                    throw McpClientException.io("the server does not list " + ProtocolVersion.V2026_07_28 + " in supportedVersions: "
                            + result.get("supportedVersions"), null);
                }
                initializeResult = result;
                return probe;
            } catch (McpClientException e) {
                if (call.abandoned() || e.getCause() instanceof HttpTimeoutException) {
                    throw McpClientException.io("server/discover timed out after " + SseHttp.describe(config.initializeTimeout), e);
                }
                if (e.code() == JsonRpcError.UNSUPPORTED_VERSION) {
                    List<String> supported = supported(e.data());
                    if (supported.contains(ProtocolVersion.V2026_07_28) && attempt == 0) {
                        continue; // it names ours after all: once more
                    }
                    String legacy = supported.stream().filter(ProtocolVersion::isSupported).findFirst().orElse(null);
                    if (config.protocol == Protocol.AUTO && legacy != null) {
                        throw new LegacyAnswer("-32022, supported " + supported, legacy);
                    }
                    throw McpClientException.io("the server speaks " + supported + ", this client "
                            + (config.protocol == Protocol.AUTO ? ProtocolVersion.ALL : ProtocolVersion.STATELESS), e);
                }
                if (e instanceof dev.jakartamcp.mcp.client.auth.AuthorizationException) {
                    throw e; // authorization failed: the other era would fail the same way
                }
                if (e.code() == JsonRpcError.HEADER_MISMATCH || e.code() == JsonRpcError.MISSING_CAPABILITY
                        || config.protocol != Protocol.AUTO || e.getCause() instanceof java.io.IOException) {
                    throw e; // a modern server refusing, a fixed era, or no answer at all
                }
                throw new LegacyAnswer(e.getMessage(), null);
            }
        }
    }

    private static List<String> supported(JsonValue data) {
        List<String> out = new ArrayList<>();
        if (data instanceof JsonObject d && d.get("supported") instanceof JsonArray versions) {
            versions.stream().limit(64).filter(v -> v instanceof JsonString).forEach(v -> out.add(((JsonString) v).getString()));
        }
        return out;
    }

    /** The capabilities this client declares: at initialize (2025) and in every request's _meta (2026). */
    private JsonObject capabilities() {
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
        return capabilities.build();
    }

    /**
     * The handshake of one session, from initialize to notifications/initialized, so nobody sends on
     * the session before it is ready. Runs on its own worker (see {@link SessionGate}), bounded by
     * the initialize timeout: headers and body alike.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
     */
    private Session initialize(long generation, String protocolVersion) {
        JsonObject params = JsonCodec.object()
                .add("protocolVersion", protocolVersion)
                .add("capabilities", capabilities())
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

    /**
     * 2026-07-28 has no GET stream: list changes and resource updates come on a subscriptions/listen
     * stream, asked for what the listeners need, and opened again when it ends.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    private void subscribe(Session session) {
        JsonObjectBuilder filter = JsonCodec.object().add("toolsListChanged", true).add("promptsListChanged", true)
                .add("resourcesListChanged", true);
        if (!config.resourceSubscriptions.isEmpty()) {
            filter.add("resourceSubscriptions", JsonCodec.provider().createArrayBuilder(config.resourceSubscriptions));
        }
        JsonObject params = wire.envelope(JsonCodec.object().add("notifications", filter).build(), session.protocolVersion());
        Call call = new Call("subscriptions/listen");
        subscription = call;
        workers.execute(() -> transport.subscribe(session,
                () -> new JsonRpcMessage.Request(JsonCodec.number(ids.incrementAndGet()), "subscriptions/listen", params),
                ModernWire.standardHeaders("subscriptions/listen", params), this::onInbound, () -> open, call));
    }

    /** True when this client speaks the stateless 2026-07-28 revision with its server. */
    public boolean isStateless() {
        Session session = sessions.current();
        return session.modern();
    }

    /** The current session id, or null for a server without sessions (or while none is established). */
    public String sessionId() {
        Session session = sessions.established();
        return session == null ? null : session.id();
    }

    /** From initialize, or from server/discover (its _meta, or the result itself). */
    public Implementation serverInfo() {
        JsonObject result = initializeResult;
        if (result.get("serverInfo") instanceof JsonObject info) {
            return Implementation.fromJson(info);
        }
        if (result.get("_meta") instanceof JsonObject meta && meta.get(ModernWire.SERVER_INFO) instanceof JsonObject info) {
            return Implementation.fromJson(info);
        }
        return new Implementation("unknown", null, "");
    }

    /** The version this client speaks with the server: 2026-07-28, or the one initialize negotiated. */
    public String protocolVersion() {
        return sessions.current().protocolVersion();
    }

    public JsonObject serverCapabilities() {
        return initializeResult.get("capabilities") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Every tool, following nextCursor to the end. Their annotations tell which calls are safe to repeat. */
    public List<ToolDefinition> listTools() {
        List<ToolDefinition> tools = listAll("tools/list", "tools", ToolDefinition::fromJson);
        if (sessions.current().modern()) {
            tools = withValidHeaders(tools);
        }
        repeat.learn(tools);
        return tools;
    }

    /**
     * Keeps the tools whose x-mcp-header annotations are valid, and remembers them for tools/call;
     * a tool with an invalid one is left out, with a warning, so it is never called.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#schema-extension
     */
    private List<ToolDefinition> withValidHeaders(List<ToolDefinition> tools) {
        List<ToolDefinition> valid = new ArrayList<>();
        Map<String, ToolHeaders> headers = new java.util.HashMap<>();
        for (ToolDefinition tool : tools) {
            try {
                headers.put(tool.name(), ToolHeaders.read(tool.inputSchema()));
                valid.add(tool);
            } catch (ToolHeaders.InvalidException e) {
                LOG.warning(() -> "left out tool " + tool.name() + " of " + config.endpoint + ": " + e.getMessage());
            }
        }
        toolHeaders.keySet().retainAll(headers.keySet());
        toolHeaders.putAll(headers);
        return valid;
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
                result.complete(complete(method, params, call));
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

    /**
     * Sends the request and, on 2026-07-28, takes it through its rounds: a tools/call refused for
     * its Mcp-Param headers is sent again once after listing the tools anew; an input_required result
     * is answered and the request retried.
     */
    private JsonObject complete(String method, JsonObject params, Call call) {
        JsonObject result;
        try {
            result = unwrap(sendWithRecovery(method, params, call), method);
        } catch (McpClientException e) {
            // https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#client-behavior
            if (e.code() != JsonRpcError.HEADER_MISMATCH || !"tools/call".equals(method) || call.session() == null
                    || !call.session().modern() || call.abandoned()) {
                throw e;
            }
            cache.invalidate("tools/list");
            listTools();
            result = unwrap(send(call.session(), method, params, call), method);
        }
        if (call.session() != null && call.session().modern()) {
            result = new InputRounds(method, params, call).complete(result);
        }
        return result;
    }

    /**
     * Multi Round-Trip Requests: an {@code input_required} result names what the server needs
     * ({@code inputRequests}: elicitation, sampling, roots); each is answered by the same handlers as
     * the 2025 server-to-client requests, and the original request is sent again with a new id, the
     * {@code inputResponses} and the {@code requestState} exactly as received. At most
     * {@link Builder#maxInputRounds} rounds of at most {@link Builder#maxInputRequests} questions.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
     */
    private final class InputRounds {
        private final String method;
        private final JsonObject params;
        private final Call call;

        InputRounds(String method, JsonObject params, Call call) {
            this.method = method;
            this.params = params;
            this.call = call;
        }

        JsonObject complete(JsonObject result) {
            for (int rounds = 0; "input_required".equals(result.getString("resultType", "complete")); rounds++) {
                if (!MRTR_METHODS.contains(method)) {
                    throw McpClientException.io("the server answered " + method + " with input_required, which only "
                            + MRTR_METHODS + " may get", null);
                }
                if (rounds >= config.maxInputRounds) {
                    throw McpClientException.io(method + ": the server still asks for input after " + rounds
                            + " rounds (the client's maxInputRounds); giving up", null);
                }
                JsonObjectBuilder retry = JsonCodec.object(params);
                if (result.containsKey("inputRequests")) {
                    retry.add("inputResponses", answers(result.get("inputRequests")));
                }
                // echoed exactly as received, never read
                if (result.containsKey("requestState")) {
                    retry.add("requestState", result.get("requestState"));
                }
                if (call.abandoned()) {
                    throw McpClientException.io(method + " was abandoned while answering the server's questions", null);
                }
                result = unwrap(send(call.session(), method, retry.build(), call), method);
            }
            return result;
        }

        private JsonObject answers(JsonValue requests) {
            if (!(requests instanceof JsonObject asked)) {
                throw McpClientException.io(method + ": inputRequests is not an object", null);
            }
            if (asked.size() > config.maxInputRequests) {
                throw McpClientException.io(method + ": the server asks " + asked.size() + " questions at once (the client's maxInputRequests is "
                        + config.maxInputRequests + ")", null);
            }
            JsonObjectBuilder answers = JsonCodec.object();
            for (var entry : asked.entrySet()) {
                if (!(entry.getValue() instanceof JsonObject request) || !(request.get("method") instanceof JsonString m)) {
                    throw McpClientException.io(method + ": input request " + entry.getKey() + " has no method", null);
                }
                JsonObject p = request.get("params") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
                answers.add(entry.getKey(), answer(m.getString(), p));
            }
            return answers.build();
        }

        private JsonObject answer(String asked, JsonObject p) {
            JsonObject answer = switch (asked) {
                case "elicitation/create" -> {
                    if (config.elicitation == null || "url".equals(p.getString("mode", "form"))) {
                        yield null;
                    }
                    JsonObject schema = p.get("requestedSchema") instanceof JsonObject s ? s : JsonValue.EMPTY_JSON_OBJECT;
                    Elicitation question = new Elicitation(p.getString("message", ""), schema);
                    // a call given up (timeout, the caller cancelled) withdraws its open question
                    call.whileOpen(() -> question.cancel("the request was abandoned"));
                    try {
                        yield elicit(question);
                    } finally {
                        call.whileOpen(null);
                    }
                }
                case "sampling/createMessage" -> config.sampling == null ? null : config.sampling.apply(p);
                case "roots/list" -> config.roots == null ? null : roots();
                default -> null;
            };
            if (answer == null) {
                throw McpClientException.io(method + ": the server asks for " + asked + ", which this client did not declare", null);
            }
            return answer;
        }
    }

    /** The requests a server may answer with input_required. */
    private static final java.util.Set<String> MRTR_METHODS = java.util.Set.of("tools/call", "prompts/get", "resources/read");

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
        if (!session.modern()) {
            return transport.request(session, new JsonRpcMessage.Request(id, method, withToken), this::onInbound, call);
        }
        JsonObject envelope = wire.envelope(withToken, session.protocolVersion());
        Map<String, String> headers = new java.util.LinkedHashMap<>(ModernWire.standardHeaders(method, envelope));
        if ("tools/call".equals(method) && envelope.get("arguments") instanceof JsonObject arguments) {
            headers.putAll(toolHeaders.getOrDefault(envelope.getString("name", ""), ToolHeaders.NONE).headers(arguments));
        }
        return transport.request(session, new JsonRpcMessage.Request(id, method, envelope), headers, this::onInbound, call);
    }

    /**
     * Every page of a list. On 2026-07-28 the whole list is kept while all its pages say it is fresh
     * (the smallest {@code ttlMs}), shared when every page says {@code cacheScope: public}.
     * https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
     */
    private <T> List<T> listAll(String method, String key, Function<JsonObject, T> read) {
        boolean modern = sessions.current().modern();
        String token = modern ? config.bearer.get() : null;
        if (modern) {
            List<T> cached = cache.get(method, token);
            if (cached != null) {
                return cached;
            }
        }
        List<T> out = new ArrayList<>();
        String cursor = null;
        long ttl = Long.MAX_VALUE;
        boolean shared = true;
        do {
            JsonObject page = request(method, cursor == null ? JsonValue.EMPTY_JSON_OBJECT
                    : JsonCodec.object().add("cursor", cursor).build());
            page.getJsonArray(key).forEach(v -> out.add(read.apply(v.asJsonObject())));
            cursor = page.get("nextCursor") instanceof JsonString s ? s.getString() : null;
            ttl = Math.min(ttl, page.get("ttlMs") instanceof JsonNumber n ? n.longValue() : 0);
            shared &= "public".equals(page.getString("cacheScope", "private"));
        } while (cursor != null);
        if (modern) {
            cache.put(method, token, shared, ttl, out);
        }
        return out;
    }

    private static JsonObject unwrap(JsonRpcMessage message, String method) {
        if (message instanceof JsonRpcMessage.Error e) {
            throw new McpClientException(method + " failed: " + e.error().message() + " (JSON-RPC error " + e.error().code() + ")",
                    e.error().code(), 0, e.error().data(), null);
        }
        return ((JsonRpcMessage.Result) message).result();
    }

    private void cancelOnServer(Call call, String reason) {
        JsonValue id = call.id();
        // 2026-07-28: closing the response stream is the cancellation; there is nothing to send
        // https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/cancellation
        if (id == null || !open || (call.session() != null && call.session().modern())) {
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
            Session session = sessions.established();
            if (session != null && session.modern()) {
                // 2026-07-28 servers ask through input_required results, never with requests on a stream
                LOG.warning(() -> "ignoring a " + r.method() + " request on a 2026-07-28 stream");
                return;
            }
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
                invalidateCache(n.method());
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

    /** A list that changed is fetched anew next time, whatever its ttlMs said. */
    private void invalidateCache(String notification) {
        switch (notification) {
            case "notifications/tools/list_changed" -> cache.invalidate("tools/list");
            case "notifications/prompts/list_changed" -> cache.invalidate("prompts/list");
            case "notifications/resources/list_changed" -> {
                cache.invalidate("resources/list");
                cache.invalidate("resources/templates/list");
            }
            default -> {
            }
        }
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
        Call listening = subscription;
        if (listening != null) {
            listening.abandon();
        }
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
        private StreamableHttpTransport.Challenges challenged;
        private ElicitationHandler elicitation;
        private Function<JsonObject, JsonObject> sampling;
        private List<String> roots;
        private Listeners.Progress progress;
        private Listeners.Log log;
        private Listeners.ListChanged listChanged;
        private Listeners.Other other;
        private boolean listen;
        private Protocol protocol = Protocol.AUTO;
        private int maxInputRounds = 10;
        private int maxInputRequests = 16;
        private Duration maxCacheTtl = Duration.ofMinutes(5);
        private List<String> resourceSubscriptions = List.of();

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

        /**
         * Which era to speak: {@code 2026-07-28} (stateless), {@code 2025-11-25} (initialize and a
         * session; {@link #protocolVersion} is offered), or {@code auto} (the default): try 2026-07-28
         * and fall back to initialize when the server does not answer as a 2026 one.
         */
        public Builder protocol(String choice) {
            this.protocol = Protocol.parse(choice);
            if (protocol == Protocol.LEGACY) {
                this.protocolVersion = choice;
            }
            return this;
        }

        /** How many input_required rounds one request may take before it fails. Default 10. */
        public Builder maxInputRounds(int rounds) {
            if (rounds < 0) {
                throw new IllegalArgumentException("maxInputRounds must be >= 0");
            }
            this.maxInputRounds = rounds;
            return this;
        }

        /** How many questions one input_required result may ask at once before the request fails. Default 16. */
        public Builder maxInputRequests(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("maxInputRequests must be >= 1");
            }
            this.maxInputRequests = requests;
            return this;
        }

        /** The longest a list is kept on a server's ttlMs (2026-07-28); Duration.ZERO keeps none. Default 5 minutes. */
        public Builder maxCacheTtl(Duration ttl) {
            this.maxCacheTtl = ttl;
            return this;
        }

        /** Resources whose notifications/resources/updated the client wants (with {@link #listen}): subscribed at connect. */
        public Builder resourceSubscriptions(List<String> uris) {
            this.resourceSubscriptions = List.copyOf(uris);
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

        /**
         * OAuth 2.1 for this server: its tokens go on every request, and a 401 (or a 403 scope
         * challenge) starts discovery and authorization, then the request is sent once more.
         * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
         */
        public Builder authorization(dev.jakartamcp.mcp.client.auth.OAuthClient oauth) {
            this.bearer = oauth::accessToken;
            this.challenged = oauth::challenged;
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

        /**
         * Keep a stream open for server notifications: the standalone GET stream (2025, when the
         * server offers one) or subscriptions/listen (2026-07-28).
         */
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
