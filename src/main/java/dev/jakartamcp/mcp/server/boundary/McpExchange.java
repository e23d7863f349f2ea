package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.server.control.EventId;
import dev.jakartamcp.mcp.server.control.McpDispatcher;
import dev.jakartamcp.mcp.server.control.McpExecutors;
import dev.jakartamcp.mcp.server.control.McpLimits;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServerConfig;
import dev.jakartamcp.mcp.server.control.OutboundStream;
import dev.jakartamcp.mcp.server.control.RequestContext;
import dev.jakartamcp.mcp.server.control.SessionChannel;
import dev.jakartamcp.mcp.server.control.MrtrErrors;
import dev.jakartamcp.mcp.server.control.StatelessContext;
import dev.jakartamcp.mcp.server.control.SubscriptionFilter;
import dev.jakartamcp.mcp.server.control.Subscriptions;
import dev.jakartamcp.mcp.server.control.SessionManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * What every MCP endpoint does with a request that passed {@link McpTransport}; the endpoints
 * themselves only say which server they are. Every path gives the session's request slot back.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
@ApplicationScoped
public class McpExchange {

    @Inject
    McpDispatcher dispatcher;

    @Inject
    SessionManager sessions;

    @Inject
    McpServerConfig config;

    @Inject
    McpLimits limits;

    @Inject
    McpExecutors executors;

    @Inject
    Subscriptions subscriptions;

    /** Everything answered with plain JSON on the request thread: initialize, lists, reads, batches, notifications. */
    HttpAnswer postJson(McpServer server, McpRequest in) {
        try {
            if (in.isStateless()) {
                return answerStateless(server, in);
            }
            if (in.batch()) {
                return answerBatch(server, in);
            }
            if (in.isInitialize()) {
                return initialize(server, in);
            }
            JsonRpcMessage message = in.single();
            if (message instanceof JsonRpcMessage.Request request) {
                JsonRpcMessage answer = dispatcher.handle(server, request, RequestContext.withoutStream(in.session(), in.caller(), in.channel(), request));
                return HttpAnswer.json(200, bytes(answer));
            }
            accept(message, in);
            // notifications and responses are acknowledged with 202 and no body
            // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
            return HttpAnswer.empty(202);
        } finally {
            in.release();
        }
    }

    /**
     * A 2026-07-28 request, answered with plain JSON: an unknown (or removed) method is 404, a
     * missing client capability or a refused requestState or inputResponses 400, anything else 200. A notification is acknowledged with 202.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    private HttpAnswer answerStateless(McpServer server, McpRequest in) {
        if (in.stateless() == null) {
            return HttpAnswer.empty(202);
        }
        StatelessContext context = new StatelessContext(in.caller(), in.stateless().meta(), null);
        JsonRpcMessage answer = dispatcher.handleStateless(server, in.stateless().request(), context);
        int status = answer instanceof JsonRpcMessage.Error e ? switch (e.error().code()) {
            case JsonRpcError.METHOD_NOT_FOUND -> 404;
            case JsonRpcError.MISSING_CAPABILITY -> 400;
            default -> MrtrErrors.is(e.error()) ? 400 : 200;
        } : 200;
        return HttpAnswer.json(status, bytes(answer));
    }

    /**
     * A 2026-07-28 tool call that may block: run on the tool executor (its place was reserved),
     * answered with JSON.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    void postStatelessTool(McpServer server, McpRequest in, AsyncResponse async) {
        executors.runTool(() -> {
            Response response = Response.serverError().build();
            try {
                response = answerStateless(server, in).toResponse();
            } finally {
                async.resume(response);
            }
        });
    }

    /**
     * A 2026-07-28 tool call that logs or reports progress, on its own SSE stream: its notifications,
     * then its response. No event ids and no priming event (nothing resumes on this revision); no
     * requests to the client. A stream the client closed cancels the call: the tool sees it, and
     * nothing more is sent. The tool runs on the tool executor (its place was reserved).
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    void postStatelessStream(McpServer server, McpRequest in, HttpServletResponse http, SseEventSink sink, Sse sse) {
        JsonRpcMessage.Request request = in.stateless().request();
        SseConnection connection = new SseConnection(adapter(http, sink, sse), executors.writers(), limits.connectionQueueBytes());
        JsonValue token = request.params().get("_meta") instanceof JsonObject meta ? meta.get("progressToken") : null;
        StatelessContext context = new StatelessContext(in.caller(), in.stateless().meta(),
                message -> connection.offer(null, JsonCodec.write(JsonRpcCodec.encode(message)), null), token, connection::isClosed);
        executors.runTool(() -> {
            try {
                JsonRpcMessage answer = dispatcher.handleStateless(server, request, context);
                if (!context.isCancelled()) {
                    connection.offer(null, JsonCodec.write(JsonRpcCodec.encode(answer)), null);
                }
            } finally {
                connection.close();
            }
        });
    }

    /**
     * subscriptions/listen: the stream stays open until the client closes it or the server shuts
     * down; {@link Subscriptions} writes to it. Its place was reserved by the transport.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    void listen(McpServer server, McpRequest in, HttpServletResponse http, SseEventSink sink, Sse sse) {
        JsonRpcMessage.Request request = in.stateless().request();
        SseConnection connection = new SseConnection(adapter(http, sink, sse), executors.writers(), limits.connectionQueueBytes());
        SubscriptionFilter filter = SubscriptionFilter.read(request.params(), subscriptions.maxResourceUris(), limits.uriMaxLength());
        subscriptions.open(server, in.caller().key(), request.id(), filter, connection);
    }

    private HttpAnswer initialize(McpServer server, McpRequest in) {
        McpDispatcher.InitializeOutcome outcome = dispatcher.initialize(server, (JsonRpcMessage.Request) in.single(), in.client());
        if (outcome.refusal() != null) {
            // the global cap is the server's capacity (503); a client's own quota or rate is 429
            int status = outcome.refusal() == SessionManager.Refusal.SERVER_FULL ? 503 : 429;
            return HttpAnswer.json(status, bytes(outcome.response()))
                    .with("Retry-After", Long.toString(Math.max(1, outcome.retryAfterSeconds())));
        }
        HttpAnswer answer = HttpAnswer.json(200, bytes(outcome.response()));
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
        return outcome.session().map(s -> answer.with(McpHeaders.SESSION_ID, s.id())).orElse(answer);
    }

    /**
     * A tool call that sends nothing before its result: it runs on the tool executor and is answered
     * with plain JSON, which the spec lets the server choose. A cancelled call gets an empty 202:
     * it gets no JSON-RPC response, and the client has stopped waiting.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
     */
    void postToolJson(McpServer server, McpRequest in, AsyncResponse async) {
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) in.single();
        RequestContext context = RequestContext.withoutStream(in.session(), in.caller(), in.channel(), request);
        if (!context.register()) {
            in.release();
            executors.unreserveTool();
            async.resume(Response.ok(bytes(duplicate(request)), MediaType.APPLICATION_JSON_TYPE).build());
            return;
        }
        executors.runTool(() -> {
            Response response = Response.accepted().build();
            try {
                if (context.start()) {
                    JsonRpcMessage answer = dispatcher.handle(server, request, context);
                    if (!context.isCancelled()) {
                        response = Response.ok(bytes(answer), MediaType.APPLICATION_JSON_TYPE).build();
                    }
                }
            } finally {
                context.finish();
                touch(in);
                in.release();
                async.resume(response);
            }
        });
    }

    /**
     * A tool call that may stream gets its own SSE stream: a priming event with the retry delay first,
     * then whatever the tool sends, then the response. The tool runs on the tool executor; if the
     * client drops the connection, the tool goes on and its messages are kept for a resume.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    void postToolStream(McpServer server, McpRequest in, HttpServletResponse http, SseEventSink sink, Sse sse) {
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) in.single();
        OutboundStream stream = in.channel().newStream();
        RequestContext context = new RequestContext(in.session(), in.caller(), in.channel(), stream, request,
                config.clientRequestTimeoutMillis(), limits.maxPendingClientRequests());
        // registered before the stream opens: a client that cancels once it sees the stream is heard
        boolean registered = context.register();
        connect(stream, http, sink, sse, 0);
        if (!registered) {
            in.release();
            executors.unreserveTool();
            stream.send(duplicate(request));
            stream.complete();
            return;
        }
        executors.runTool(() -> {
            try {
                if (context.start()) {
                    JsonRpcMessage answer = dispatcher.handle(server, request, context);
                    // a cancelled request gets no response
                    // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
                    if (!context.isCancelled()) {
                        stream.send(answer);
                    }
                }
            } finally {
                context.finish();
                touch(in);
                in.release();
                stream.complete();
            }
        });
    }

    /**
     * GET opens the session's standalone stream for server notifications, or, with Last-Event-ID,
     * resumes the stream that id names: what it missed is replayed, then it continues live. A second
     * standalone GET replaces the first connection.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server
     */
    void get(McpRequest in, String lastEventId, HttpServletResponse http, SseEventSink sink, Sse sse) {
        EventId resumeFrom = EventId.parse(lastEventId).orElse(null);
        if (resumeFrom == null) {
            connect(in.channel().standalone(), http, sink, sse, Long.MAX_VALUE);
            return;
        }
        // the filter checked the stream and its replay; gone since then means it just expired
        in.channel().stream(resumeFrom.stream()).ifPresentOrElse(
                stream -> connectResumed(stream, http, sink, sse, resumeFrom.sequence()), sink::close);
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management */
    HttpAnswer delete(McpRequest in) {
        return sessions.end(in.session().id())
                ? HttpAnswer.empty(204)
                : TransportErrors.of(404, JsonRpcError.SESSION_NOT_FOUND, "Session not found");
    }

    /**
     * 2025-03-26 batches: one JSON array with a response per request; 202 when there is none.
     * https://modelcontextprotocol.io/specification/2025-03-26/basic/transports#sending-messages-to-the-server
     */
    private HttpAnswer answerBatch(McpServer server, McpRequest in) {
        JsonArrayBuilder answers = JsonCodec.array();
        in.rejected().forEach(e -> answers.add(JsonRpcCodec.encode(e)));
        boolean any = !in.rejected().isEmpty();
        for (JsonRpcMessage message : in.messages()) {
            if (message instanceof JsonRpcMessage.Request request) {
                answers.add(JsonRpcCodec.encode(dispatcher.handle(server, request,
                        RequestContext.withoutStream(in.session(), in.caller(), in.channel(), request))));
                any = true;
            } else {
                accept(message, in);
            }
        }
        if (!any) {
            return HttpAnswer.empty(202);
        }
        return HttpAnswer.json(200, JsonCodec.writeBytes(answers.build()));
    }

    /** Notifications go to the dispatcher; responses complete the server-to-client request waiting for them. */
    private void accept(JsonRpcMessage message, McpRequest in) {
        if (message instanceof JsonRpcMessage.Notification notification) {
            dispatcher.accept(notification, in.session());
        } else {
            in.channel().complete(message);
        }
    }

    /** Opens a connection for a stream: priming event first, written before the method returns. */
    private void connect(OutboundStream stream, HttpServletResponse http, SseEventSink sink, Sse sse, long after) {
        SseSinkAdapter adapter = adapter(http, sink, sse);
        adapter.sendPriming(stream.nextPrimingId(), config.retryMillis());
        stream.attach(new SseConnection(adapter, executors.writers(), limits.connectionQueueBytes()), after);
    }

    private void connectResumed(OutboundStream stream, HttpServletResponse http, SseEventSink sink, Sse sse, long after) {
        SseConnection connection = new SseConnection(adapter(http, sink, sse), executors.writers(), limits.connectionQueueBytes());
        if (stream.attach(connection, after) == OutboundStream.Resume.GONE) {
            connection.close();
        }
    }

    private static SseSinkAdapter adapter(HttpServletResponse http, SseEventSink sink, Sse sse) {
        // stops proxies from caching or buffering a stream
        http.setHeader("Cache-Control", "no-cache");
        http.setHeader("X-Accel-Buffering", "no");
        return new SseSinkAdapter(sink, sse, http);
    }

    /** Touched while still running, so the idle clock starts when the request ends. */
    private void touch(McpRequest in) {
        sessions.find(in.session().id());
    }

    private static JsonRpcMessage duplicate(JsonRpcMessage.Request request) {
        return new JsonRpcMessage.Error(request.id(), new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                "A request with id " + request.id() + " is already running in this session; ids must be unique"));
    }

    private static byte[] bytes(JsonRpcMessage message) {
        return JsonCodec.writeBytes(JsonRpcCodec.encode(message));
    }
}
