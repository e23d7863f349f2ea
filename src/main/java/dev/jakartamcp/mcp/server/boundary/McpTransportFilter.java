package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import dev.jakartamcp.mcp.server.control.EventId;
import dev.jakartamcp.mcp.server.control.McpLimits;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServerConfig;
import dev.jakartamcp.mcp.server.control.McpServers;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.OriginPolicy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
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
import java.net.URI;

/**
 * Every request to an MCP endpoint passes here before any resource method runs: the transport
 * rules, the one read and parse of the body, the session, admission, and the choice of resource
 * method. Each job is a small class of its own; this one puts them in order.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class McpTransportFilter implements ContainerRequestFilter {

    static final String ALLOW = "GET, POST, DELETE";

    @Inject
    McpServerConfig config;

    @Inject
    McpLimits limits;

    @Inject
    OriginPolicy originPolicy;

    @Inject
    McpServers servers;

    @Inject
    SessionResolver resolver;

    @Inject
    Admission admission;

    /**
     * CDI's built-in request bean, not a JAX-RS {@code @Context} proxy: this one filter instance
     * serves several JAX-RS applications, and a context proxy is bound to the first of them.
     */
    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        try {
            McpServer server = servers.atPath(EndpointPaths.of(ctx.getUriInfo().getBaseUri().getPath(), servletRequest.getContextPath()));
            String path = ctx.getUriInfo().getPath();
            if (server == null || !server.enabled() || !(path.isEmpty() || path.equals("/"))) {
                throw new Rejection(Response.status(Status.NOT_FOUND).build());
            }
            // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning
            String origin = ctx.getHeaderString("Origin");
            if (!originPolicy.allows(origin, servletRequest.getLocalPort())) {
                throw new Rejection(TransportErrors.of(Status.FORBIDDEN, "Origin not allowed: " + origin));
            }
            McpRequest request = switch (ctx.getMethod()) {
                case HttpMethod.POST -> post(ctx, server);
                case HttpMethod.GET -> get(ctx, server);
                case HttpMethod.DELETE -> delete(ctx, server);
                // HEAD, OPTIONS, PUT, PATCH...: the transport defines only these three
                // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
                default -> throw new Rejection(Response.fromResponse(TransportErrors.of(405, JsonRpcError.TRANSPORT_ERROR,
                        "Method " + ctx.getMethod() + " is not allowed; use " + ALLOW)).header(HttpHeaders.ALLOW, ALLOW).build());
            };
            servletRequest.setAttribute(McpRequest.ATTRIBUTE, request);
        } catch (Rejection r) {
            ctx.abortWith(r.response());
        }
    }

    /**
     * GET needs Accept: text/event-stream and a session; a Last-Event-ID must name a stream of that
     * session whose events after it are all still kept.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server
     */
    private McpRequest get(ContainerRequestContext ctx, McpServer server) {
        if (!Acceptance.of(ctx.getHeaderString(HttpHeaders.ACCEPT)).eventStream()) {
            throw new Rejection(TransportErrors.of(Status.NOT_ACCEPTABLE, "Accept must list text/event-stream"));
        }
        SessionResolver.Found found = resolver.require(ctx, server);
        admission.rate(found.channel());
        String lastEventId = ctx.getHeaderString("Last-Event-ID");
        if (lastEventId != null) {
            var eventId = EventId.parse(lastEventId);
            var stream = eventId.flatMap(id -> found.channel().stream(id.stream()));
            if (stream.isEmpty()) {
                throw new Rejection(TransportErrors.of(Status.BAD_REQUEST, "Unknown Last-Event-ID: "
                        + (lastEventId.length() > 64 ? lastEventId.substring(0, 64) + "..." : lastEventId)
                        + " (no such stream in this session, or it completed too long ago)"));
            }
            // never a silent empty replay: a gap is said out loud
            if (!stream.get().canResumeAfter(eventId.get().sequence())) {
                throw new Rejection(TransportErrors.of(410, JsonRpcError.TRANSPORT_ERROR, "The events after " + lastEventId
                        + " are no longer kept (the replay buffer is bounded); what they said is lost"));
            }
        }
        return McpRequest.of(found.session(), found.channel(), client());
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management */
    private McpRequest delete(ContainerRequestContext ctx, McpServer server) {
        SessionResolver.Found found = resolver.require(ctx, server);
        return McpRequest.of(found.session(), found.channel(), client());
    }

    private McpRequest post(ContainerRequestContext ctx, McpServer server) throws IOException {
        // The client MUST include an Accept header listing both application/json and text/event-stream.
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
        Acceptance accept = Acceptance.of(ctx.getHeaderString(HttpHeaders.ACCEPT));
        if (!accept.json() || !accept.eventStream()) {
            throw new Rejection(TransportErrors.of(Status.NOT_ACCEPTABLE, "Accept must list both application/json and text/event-stream"));
        }
        // The body of a POST is a JSON-RPC message, so it must be sent as JSON.
        MediaType type = ctx.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new Rejection(TransportErrors.of(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json"));
        }
        byte[] body = BodyReader.read(ctx, config.maxBodyBytes());
        if (body == null) {
            // the rest of the body is never read, so the connection cannot be reused
            throw new Rejection(Response.fromResponse(TransportErrors.of(Status.REQUEST_ENTITY_TOO_LARGE,
                    "Body larger than " + config.maxBodyBytes() + " bytes")).header("Connection", "close").build());
        }
        MessageDecoder.Decoded decoded = MessageDecoder.decode(body, limits.jsonMaxDepth(), limits.batchMaxMessages());
        if (decoded.isInitialize()) {
            return new McpRequest(decoded.messages(), decoded.rejected(), false, null, null, client(), false);
        }
        SessionResolver.Found found = resolver.require(ctx, server);
        McpRequest request = McpRequest.of(found.session(), found.channel(), client())
                .withMessages(decoded.messages(), decoded.rejected(), decoded.batch());
        if (decoded.batch()) {
            if (!ProtocolVersion.allowsBatches(found.session().protocolVersion())) {
                throw new Rejection(TransportErrors.of(400, JsonRpcError.INVALID_REQUEST,
                        "JSON-RPC batches are not supported in protocol version " + found.session().protocolVersion()));
            }
            admission.admit(found.channel());
            return request.holdingSlot();
        }
        if (!(request.single() instanceof JsonRpcMessage.Request call)) {
            return request; // notifications and responses always pass: they answer us or cancel work
        }
        admission.admit(found.channel());
        request = request.holdingSlot();
        McpTool tool = "tools/call".equals(call.method()) && call.params().get("name") instanceof JsonString name
                ? server.tools().find(name.getString()).orElse(null) : null;
        if (tool != null && (tool.blocks() || tool.streams() || !limits.inlineNonBlocking())) {
            admission.reserveTool(found.channel());
            route(ctx, tool.streams() ? Routes.TOOL_STREAM : Routes.TOOL_JSON);
        }
        return request; // everything else, pure tools included, is answered on the request thread
    }

    private static void route(ContainerRequestContext ctx, String path) {
        URI base = ctx.getUriInfo().getBaseUri();
        ctx.setRequestUri(base, base.resolve(path));
    }

    /** Who sends the request, for per-client quotas: the remote address until there is a principal. */
    private String client() {
        return servletRequest.getRemoteAddr();
    }
}
