package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.server.control.EventId;
import dev.jakartamcp.mcp.server.control.McpDispatcher;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServerConfig;
import dev.jakartamcp.mcp.server.control.McpSession;
import dev.jakartamcp.mcp.server.control.OutboundStream;
import dev.jakartamcp.mcp.server.control.RequestContext;
import dev.jakartamcp.mcp.server.control.SessionChannel;
import dev.jakartamcp.mcp.server.control.SessionChannels;
import dev.jakartamcp.mcp.server.control.SessionManager;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.RejectedExecutionException;

/**
 * What every MCP endpoint does with a request that passed {@link McpTransportFilter}; the endpoints
 * themselves only say which server they are.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
@ApplicationScoped
public class McpExchange {

    @Inject
    McpDispatcher dispatcher;

    @Inject
    SessionManager sessions;

    @Inject
    SessionChannels channels;

    @Inject
    McpServerConfig config;

    @Resource
    ManagedExecutorService executor;

    Response postJson(McpServer server, IncomingPost in) {
        if (in.batch()) {
            return answerBatch(server, in);
        }
        JsonRpcMessage message = in.single();
        if (in.isInitialize()) {
            McpDispatcher.InitializeOutcome outcome = dispatcher.initialize(server, (JsonRpcMessage.Request) message);
            if (outcome.overloaded()) {
                // the session cap is a capacity limit, not the client's fault: 503, come back later
                return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                        .type(MediaType.APPLICATION_JSON_TYPE).entity(bytes(outcome.response())).build();
            }
            Response.ResponseBuilder response = Response.ok(bytes(outcome.response()), MediaType.APPLICATION_JSON_TYPE);
            // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
            outcome.session().ifPresent(s -> response.header(McpHeaders.SESSION_ID, s.id()));
            return response.build();
        }
        if (message instanceof JsonRpcMessage.Request request) {
            SessionChannel channel = channels.of(in.session());
            JsonRpcMessage answer = dispatcher.handle(server, request, RequestContext.withoutStream(in.session(), channel, request));
            return Response.ok(bytes(answer), MediaType.APPLICATION_JSON_TYPE).build();
        }
        accept(message, in.session());
        // notifications and responses are acknowledged with 202 and no body
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
        return Response.accepted().build();
    }

    /**
     * A request that may stream gets its own SSE stream: a priming event with the retry delay first,
     * then whatever the handler sends, then the response. The handler runs off the request thread;
     * if the client drops the connection, the handler goes on and its messages wait in the replay
     * buffer for a resume.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    void postSse(McpServer server, IncomingPost in, HttpServletResponse http, SseEventSink sink, Sse sse) {
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) in.single();
        McpSession session = in.session();
        SessionChannel channel = channels.of(session);
        OutboundStream stream = channel.newStream();
        noProxyBuffering(http);
        stream.attach(new SseSinkAdapter(sink, sse, http), 0);
        stream.prime(config.retryMillis());
        RequestContext context = new RequestContext(session, channel, stream, request, config.clientRequestTimeoutMillis());
        Runnable work = () -> {
            context.start();
            try {
                JsonRpcMessage answer = dispatcher.handle(server, request, context);
                // a cancelled request gets no response
                // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
                if (!context.isCancelled()) {
                    stream.send(answer);
                }
            } finally {
                // touched while still running, so the idle clock starts when the request ends
                sessions.find(session.id());
                context.finish();
                stream.complete();
            }
        };
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            work.run();
        }
    }

    /**
     * GET opens the session's standalone stream for server notifications, or, with Last-Event-ID,
     * resumes the stream that id names: what it missed is replayed, then it continues live. A second
     * standalone GET replaces the first connection.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server
     */
    void get(IncomingPost in, String lastEventId, HttpServletResponse http, SseEventSink sink, Sse sse) {
        SessionChannel channel = channels.of(in.session());
        noProxyBuffering(http);
        SseSinkAdapter connection = new SseSinkAdapter(sink, sse, http);
        EventId resumeFrom = EventId.parse(lastEventId).orElse(null);
        if (resumeFrom == null) {
            OutboundStream standalone = channel.standalone();
            standalone.attach(connection, Long.MAX_VALUE);
            standalone.prime(config.retryMillis());
            return;
        }
        channel.stream(resumeFrom.stream()).orElseThrow().attach(connection, resumeFrom.sequence());
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management */
    Response delete(IncomingPost in) {
        return sessions.end(in.session().id())
                ? Response.noContent().build()
                : TransportErrors.of(404, JsonRpcError.SESSION_NOT_FOUND, "Session not found");
    }

    /**
     * 2025-03-26 batches: one JSON array with a response per request; 202 when there is none.
     * https://modelcontextprotocol.io/specification/2025-03-26/basic/transports#sending-messages-to-the-server
     */
    private Response answerBatch(McpServer server, IncomingPost in) {
        JsonArrayBuilder answers = JsonCodec.array();
        in.rejected().forEach(e -> answers.add(JsonRpcCodec.encode(e)));
        SessionChannel channel = channels.of(in.session());
        boolean any = !in.rejected().isEmpty();
        for (JsonRpcMessage message : in.messages()) {
            if (message instanceof JsonRpcMessage.Request request) {
                answers.add(JsonRpcCodec.encode(dispatcher.handle(server, request,
                        RequestContext.withoutStream(in.session(), channel, request))));
                any = true;
            } else {
                accept(message, in.session());
            }
        }
        if (!any) {
            return Response.accepted().build();
        }
        return Response.ok(JsonCodec.writeBytes(answers.build()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Notifications go to the dispatcher; responses complete the server-to-client request waiting for them. */
    private void accept(JsonRpcMessage message, McpSession session) {
        if (message instanceof JsonRpcMessage.Notification notification) {
            dispatcher.accept(notification, session);
        } else {
            channels.of(session).complete(message);
        }
    }

    /** Stops proxies from caching or buffering a stream. */
    private static void noProxyBuffering(HttpServletResponse http) {
        http.setHeader("Cache-Control", "no-cache");
        http.setHeader("X-Accel-Buffering", "no");
    }

    private static byte[] bytes(JsonRpcMessage message) {
        return JsonCodec.writeBytes(JsonRpcCodec.encode(message));
    }
}
