package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import dev.jakartamcp.mcp.server.control.EventId;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServerConfig;
import dev.jakartamcp.mcp.server.control.McpServers;
import dev.jakartamcp.mcp.server.control.SessionChannels;
import dev.jakartamcp.mcp.server.control.McpSession;
import dev.jakartamcp.mcp.server.control.OriginPolicy;
import dev.jakartamcp.mcp.server.control.SessionIds;
import dev.jakartamcp.mcp.server.control.SessionManager;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every transport rule of Streamable HTTP, checked before any resource method runs, and the one
 * parse of the body. It then picks the resource method by narrowing Accept: a request that may
 * stream (tools/call) goes to the SSE method when the client accepts SSE, everything else is
 * answered with plain JSON, which the spec lets the server choose.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class McpTransportFilter implements ContainerRequestFilter {

    private static final int DRAIN_FACTOR = 16;

    @Inject
    McpServerConfig config;

    @Inject
    SessionManager sessions;

    @Inject
    OriginPolicy originPolicy;

    @Inject
    McpServers servers;

    @Inject
    SessionChannels channels;

    /**
     * CDI's built-in request bean, not a JAX-RS {@code @Context} proxy: this one filter instance
     * serves several JAX-RS applications, and a context proxy is bound to the first of them.
     */
    @Inject
    HttpServletRequest servletRequest;


    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        McpServer server = servers.atPath(endpointPath(ctx));
        if (server == null || !server.enabled()) {
            ctx.abortWith(Response.status(Status.NOT_FOUND).build());
            return;
        }
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning
        if (!originPolicy.allows(ctx.getHeaderString("Origin"), servletRequest.getLocalPort())) {
            ctx.abortWith(TransportErrors.of(Status.FORBIDDEN, "Origin not allowed: " + ctx.getHeaderString("Origin")));
            return;
        }
        switch (ctx.getMethod()) {
            case HttpMethod.POST -> filterPost(ctx, server);
            case HttpMethod.GET -> filterGet(ctx, server);
            case HttpMethod.DELETE -> {
                // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
                McpSession session = requireSession(ctx, server);
                if (session != null) {
                    servletRequest.setAttribute(IncomingPost.ATTRIBUTE, new IncomingPost(List.of(), List.of(), false, session));
                }
            }
            default -> {
                // the resource has no method for it: 405
            }
        }
    }

    /** The JAX-RS application's path below the context root, e.g. "mcp": it names the endpoint. */
    private String endpointPath(ContainerRequestContext ctx) {
        String base = ctx.getUriInfo().getBaseUri().getPath();
        String context = servletRequest.getContextPath();
        String path = base.startsWith(context) ? base.substring(context.length()) : base;
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') from++;
        while (to > from && path.charAt(to - 1) == '/') to--;
        return path.substring(from, to);
    }

    /**
     * GET needs Accept: text/event-stream and a session; a Last-Event-ID must name a stream of that session.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server
     */
    private void filterGet(ContainerRequestContext ctx, McpServer server) {
        if (!Acceptance.of(ctx.getHeaderString(HttpHeaders.ACCEPT)).eventStream) {
            ctx.abortWith(TransportErrors.of(Status.NOT_ACCEPTABLE, "Accept must list text/event-stream"));
            return;
        }
        McpSession session = requireSession(ctx, server);
        if (session == null) {
            return;
        }
        String lastEventId = ctx.getHeaderString("Last-Event-ID");
        if (lastEventId != null) {
            var eventId = EventId.parse(lastEventId);
            if (eventId.isEmpty() || channels.of(session).stream(eventId.get().stream()).isEmpty()) {
                ctx.abortWith(TransportErrors.of(Status.BAD_REQUEST, "Unknown Last-Event-ID: " + lastEventId));
                return;
            }
        }
        servletRequest.setAttribute(IncomingPost.ATTRIBUTE, new IncomingPost(List.of(), List.of(), false, session));
    }

    private void filterPost(ContainerRequestContext ctx, McpServer server) throws IOException {
        // The client MUST include an Accept header listing both application/json and text/event-stream.
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
        Acceptance accept = Acceptance.of(ctx.getHeaderString(HttpHeaders.ACCEPT));
        if (!accept.json || !accept.eventStream) {
            ctx.abortWith(TransportErrors.of(Status.NOT_ACCEPTABLE,
                    "Accept must list both application/json and text/event-stream"));
            return;
        }
        // The body of a POST is a JSON-RPC message, so it must be sent as JSON.
        MediaType type = ctx.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType() || type.isWildcardSubtype()) {
            ctx.abortWith(TransportErrors.of(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json"));
            return;
        }
        byte[] body = readBody(ctx);
        if (body == null) {
            // the rest of the body is never read, so the connection cannot be reused
            ctx.abortWith(Response.fromResponse(TransportErrors.of(Status.REQUEST_ENTITY_TOO_LARGE,
                    "Body larger than " + config.maxBodyBytes() + " bytes")).header("Connection", "close").build());
            return;
        }
        JsonValue json;
        try {
            json = JsonCodec.parse(body);
        } catch (JsonCodec.MalformedJsonException e) {
            // https://www.jsonrpc.org/specification#error_object: -32700, id null
            ctx.abortWith(TransportErrors.of(400, JsonRpcError.PARSE_ERROR, "Parse error: the body is not valid JSON"));
            return;
        }
        if (json.getValueType() == ValueType.ARRAY) {
            filterBatch(ctx, json.asJsonArray(), server);
            return;
        }
        JsonRpcMessage message;
        try {
            message = JsonRpcCodec.decode(json);
        } catch (JsonRpcCodec.InvalidMessageException e) {
            ctx.abortWith(TransportErrors.json(400, e.toError()));
            return;
        }
        boolean initialize = message instanceof JsonRpcMessage.Request r && "initialize".equals(r.method());
        McpSession session = null;
        if (!initialize) {
            session = requireSession(ctx, server);
            if (session == null) {
                return;
            }
        }
        servletRequest.setAttribute(IncomingPost.ATTRIBUTE, new IncomingPost(List.of(message), List.of(), false, session));
        boolean streams = message instanceof JsonRpcMessage.Request r && "tools/call".equals(r.method());
        ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, streams ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
    }

    /**
     * Batches exist only in 2025-03-26; later revisions removed them.
     * https://modelcontextprotocol.io/specification/2025-03-26/basic/transports#sending-messages-to-the-server
     */
    private void filterBatch(ContainerRequestContext ctx, jakarta.json.JsonArray batch, McpServer server) {
        McpSession session = requireSession(ctx, server);
        if (session == null) {
            return;
        }
        if (!ProtocolVersion.allowsBatches(session.protocolVersion())) {
            ctx.abortWith(TransportErrors.of(400, JsonRpcError.INVALID_REQUEST,
                    "JSON-RPC batches are not supported in protocol version " + session.protocolVersion()));
            return;
        }
        if (batch.isEmpty()) {
            ctx.abortWith(TransportErrors.of(400, JsonRpcError.INVALID_REQUEST, "An empty batch is not a valid request"));
            return;
        }
        List<JsonRpcMessage> messages = new ArrayList<>(batch.size());
        List<JsonRpcMessage.Error> rejected = new ArrayList<>();
        for (JsonValue member : batch) {
            try {
                JsonRpcMessage message = JsonRpcCodec.decode(member);
                // The initialize request MUST NOT be part of a JSON-RPC batch.
                // https://modelcontextprotocol.io/specification/2025-03-26/basic/lifecycle#initialization
                if (message instanceof JsonRpcMessage.Request r && "initialize".equals(r.method())) {
                    rejected.add(new JsonRpcMessage.Error(r.id(), new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                            "initialize must not be part of a batch")));
                } else {
                    messages.add(message);
                }
            } catch (JsonRpcCodec.InvalidMessageException e) {
                rejected.add(e.toError());
            }
        }
        servletRequest.setAttribute(IncomingPost.ATTRIBUTE, new IncomingPost(messages, rejected, true, session));
        ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    }

    /**
     * The session named by Mcp-Session-Id, or null after aborting: 400 when the header is missing,
     * 404 when the session is unknown, expired or deleted, 400 for an unsupported protocol version.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
     */
    private McpSession requireSession(ContainerRequestContext ctx, McpServer server) {
        String id = ctx.getHeaderString(McpHeaders.SESSION_ID);
        if (id == null || id.isBlank()) {
            ctx.abortWith(TransportErrors.of(Status.BAD_REQUEST, "Missing Mcp-Session-Id header; call initialize first"));
            return null;
        }
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#protocol-version-header
        String version = ctx.getHeaderString(McpHeaders.PROTOCOL_VERSION);
        if (version != null && !ProtocolVersion.isSupported(version)) {
            ctx.abortWith(TransportErrors.of(Status.BAD_REQUEST, "Unsupported MCP-Protocol-Version: " + version
                    + "; supported: " + String.join(", ", ProtocolVersion.SUPPORTED)));
            return null;
        }
        McpSession session = SessionIds.isWellFormed(id) ? sessions.find(id).orElse(null) : null;
        if (session == null || !session.server().equals(server.name())) {
            ctx.abortWith(TransportErrors.of(404, JsonRpcError.SESSION_NOT_FOUND,
                    "Session not found (unknown, expired or deleted); start a new one with initialize"));
            return null;
        }
        return session;
    }

    /**
     * The body, or null when it is over the limit. An oversized body is still read and thrown away
     * up to {@link #DRAIN_FACTOR} times the limit, because many clients only read the answer once
     * they have sent everything; beyond that the connection is closed instead.
     */
    private byte[] readBody(ContainerRequestContext ctx) throws IOException {
        int limit = config.maxBodyBytes();
        try (InputStream in = ctx.getEntityStream()) {
            if (ctx.getLength() > (long) limit * DRAIN_FACTOR) {
                return null;
            }
            byte[] body = in.readNBytes(limit + 1);
            if (body.length <= limit) {
                return body;
            }
            long drained = 0;
            byte[] scratch = new byte[8192];
            for (int n; drained < (long) limit * DRAIN_FACTOR && (n = in.read(scratch)) != -1; ) {
                drained += n;
            }
            return null;
        }
    }

    /** Which of the two media types MCP needs an Accept header covers, wildcards included. */
    record Acceptance(boolean json, boolean eventStream) {
        static Acceptance of(String header) {
            boolean json = false;
            boolean sse = false;
            if (header != null) {
                for (String range : header.split(",")) {
                    String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                    json |= type.equals("application/json") || type.equals("application/*") || type.equals("*/*");
                    sse |= type.equals("text/event-stream") || type.equals("text/*") || type.equals("*/*");
                }
            }
            return new Acceptance(json, sse);
        }
    }
}
