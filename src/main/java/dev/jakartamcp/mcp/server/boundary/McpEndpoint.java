package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpDispatcher;
import dev.jakartamcp.mcp.server.control.McpSession;
import dev.jakartamcp.mcp.server.control.SessionManager;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MCP endpoint: one path for POST, GET and DELETE. {@link McpTransportFilter} has already
 * checked the transport rules and parsed the body.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
@Path("")
@ApplicationScoped
public class McpEndpoint {

    private static final AtomicLong STREAMS = new AtomicLong();

    @Inject
    McpDispatcher dispatcher;

    @Inject
    SessionManager sessions;

    @Resource
    ManagedExecutorService executor;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response postJson(@Context HttpServletRequest http) {
        IncomingPost in = (IncomingPost) http.getAttribute(IncomingPost.ATTRIBUTE);
        if (in.batch()) {
            return answerBatch(in);
        }
        JsonRpcMessage message = in.single();
        if (in.isInitialize()) {
            McpDispatcher.InitializeOutcome outcome = dispatcher.initialize((JsonRpcMessage.Request) message);
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
            JsonRpcMessage answer = dispatcher.handle(request, CallContext.withoutStream(in.session()));
            return Response.ok(bytes(answer), MediaType.APPLICATION_JSON_TYPE).build();
        }
        accept(message, in.session());
        // notifications and responses are acknowledged with 202 and no body
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
        return Response.accepted().build();
    }

    /**
     * A request that may stream is answered on its own SSE stream; the handler runs off the request thread.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void postSse(@Context HttpServletRequest http, @Context HttpServletResponse httpResponse,
                        @Context SseEventSink sink, @Context Sse sse) {
        IncomingPost in = (IncomingPost) http.getAttribute(IncomingPost.ATTRIBUTE);
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) in.single();
        // stop proxies from caching or buffering the stream
        httpResponse.setHeader("Cache-Control", "no-cache");
        httpResponse.setHeader("X-Accel-Buffering", "no");
        SseRequestStream stream = new SseRequestStream(sink, sse, in.session(), Long.toString(STREAMS.incrementAndGet(), 36));
        try {
            executor.execute(() -> {
                try {
                    stream.send(dispatcher.handle(request, stream));
                } finally {
                    stream.close();
                }
            });
        } catch (RejectedExecutionException e) {
            stream.send(dispatcher.handle(request, stream));
            stream.close();
        }
    }

    /**
     * No standalone stream yet: a server that offers none answers GET with 405.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server
     */
    @GET
    public Response get() {
        return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "POST, DELETE").build();
    }

    /**
     * Ends the session; its id is unknown from now on.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
     */
    @DELETE
    public Response delete(@Context HttpServletRequest http) {
        IncomingPost in = (IncomingPost) http.getAttribute(IncomingPost.ATTRIBUTE);
        return sessions.end(in.session().id())
                ? Response.noContent().build()
                : TransportErrors.of(404, dev.jakartamcp.mcp.protocol.JsonRpcError.SESSION_NOT_FOUND, "Session not found");
    }

    /**
     * 2025-03-26 batches: one JSON array with a response per request; 202 when there is none.
     * https://modelcontextprotocol.io/specification/2025-03-26/basic/transports#sending-messages-to-the-server
     */
    private Response answerBatch(IncomingPost in) {
        JsonArrayBuilder answers = JsonCodec.array();
        in.rejected().forEach(e -> answers.add(JsonRpcCodec.encode(e)));
        CallContext context = CallContext.withoutStream(in.session());
        boolean any = !in.rejected().isEmpty();
        for (JsonRpcMessage message : in.messages()) {
            if (message instanceof JsonRpcMessage.Request request) {
                answers.add(JsonRpcCodec.encode(dispatcher.handle(request, context)));
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

    private void accept(JsonRpcMessage message, McpSession session) {
        if (message instanceof JsonRpcMessage.Notification notification) {
            dispatcher.accept(notification, session);
        }
        // responses to server requests have nobody waiting for them yet: acknowledged and dropped
    }

    private static byte[] bytes(JsonRpcMessage message) {
        return JsonCodec.writeBytes(JsonRpcCodec.encode(message));
    }
}
