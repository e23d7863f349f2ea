package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import dev.jakartamcp.mcp.server.control.Caller;
import dev.jakartamcp.mcp.server.control.EventId;
import dev.jakartamcp.mcp.server.control.McpLimits;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServerConfig;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.McpError;
import dev.jakartamcp.mcp.server.control.OriginPolicy;
import dev.jakartamcp.mcp.server.control.SubscriptionFilter;
import dev.jakartamcp.mcp.server.control.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * The transport rules every request to an MCP endpoint passes, in order: origin, method, media
 * types, the one read and parse of the body, the session, admission, and who answers. Each job is a
 * small class of its own; this one puts them in order. A refusal is a {@link Rejection}.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
@ApplicationScoped
class McpTransport {

    static final String ALLOW = "GET, POST, DELETE";

    @Inject
    McpServerConfig config;

    @Inject
    McpLimits limits;

    @Inject
    OriginPolicy originPolicy;

    @Inject
    SessionResolver resolver;

    @Inject
    Admission admission;

    @Inject
    McpAccessGuard guard;

    @Inject
    Subscriptions subscriptions;

    McpRequest accept(HttpServletRequest http, McpServer server) throws IOException {
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning
        String origin = http.getHeader("Origin");
        if (!originPolicy.allows(origin, http.getLocalPort())) {
            throw new Rejection(TransportErrors.of(403, "Origin not allowed: " + origin));
        }
        Caller caller = admit(http, server);
        if (modernOnly(http) && ("GET".equals(http.getMethod()) || "DELETE".equals(http.getMethod()))) {
            // no GET stream and no session to end on 2026-07-28: subscriptions/listen replaced both
            // https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
            throw new Rejection(TransportErrors.of(405, JsonRpcError.TRANSPORT_ERROR,
                    http.getMethod() + " is not part of protocol version " + http.getHeader(McpHeaders.PROTOCOL_VERSION)
                            + "; use POST").with("Allow", "POST"));
        }
        return switch (http.getMethod()) {
            case "POST" -> post(http, server, caller);
            case "GET" -> get(http, server, caller);
            case "DELETE" -> delete(http, server, caller);
            // HEAD, OPTIONS, PUT, PATCH...: the transport defines only these three
            // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
            default -> throw new Rejection(TransportErrors.of(405, JsonRpcError.TRANSPORT_ERROR,
                    "Method " + http.getMethod() + " is not allowed; use " + ALLOW).with("Allow", ALLOW));
        };
    }

    /**
     * A 2026-07-28 exchange: its MCP-Protocol-Version header names a stateless revision and it names
     * no session (a 2025 client that negotiated a session always sends Mcp-Session-Id).
     */
    private static boolean modernOnly(HttpServletRequest http) {
        String version = http.getHeader(McpHeaders.PROTOCOL_VERSION);
        return version != null && ProtocolVersion.STATELESS.contains(version.strip())
                && http.getHeader(McpHeaders.SESSION_ID) == null;
    }

    /**
     * GET needs Accept: text/event-stream and a session; a Last-Event-ID must name a stream of that
     * session whose events after it are all still kept.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server
     */
    private McpRequest get(HttpServletRequest http, McpServer server, Caller caller) {
        if (!Acceptance.of(http.getHeader("Accept")).eventStream()) {
            throw new Rejection(TransportErrors.of(406, "Accept must list text/event-stream"));
        }
        SessionResolver.Found found = resolver.require(http, server, caller);
        admission.rate(found.channel());
        String lastEventId = http.getHeader("Last-Event-ID");
        if (lastEventId != null) {
            var eventId = EventId.parse(lastEventId);
            var stream = eventId.flatMap(id -> found.channel().stream(id.stream()));
            if (stream.isEmpty()) {
                throw new Rejection(TransportErrors.of(400, "Unknown Last-Event-ID: "
                        + (lastEventId.length() > 64 ? lastEventId.substring(0, 64) + "..." : lastEventId)
                        + " (no such stream in this session, or it completed too long ago)"));
            }
            // never a silent empty replay: a gap is said out loud
            if (!stream.get().canResumeAfter(eventId.get().sequence())) {
                throw new Rejection(TransportErrors.of(410, JsonRpcError.TRANSPORT_ERROR, "The events after " + lastEventId
                        + " are no longer kept (the replay buffer is bounded); what they said is lost"));
            }
        }
        return McpRequest.of(found.session(), found.channel(), caller).routedTo(Route.EVENTS);
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management */
    private McpRequest delete(HttpServletRequest http, McpServer server, Caller caller) {
        SessionResolver.Found found = resolver.require(http, server, caller);
        return McpRequest.of(found.session(), found.channel(), caller);
    }

    private McpRequest post(HttpServletRequest http, McpServer server, Caller caller) throws IOException {
        // The client MUST include an Accept header listing both application/json and text/event-stream.
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
        Acceptance accept = Acceptance.of(http.getHeader("Accept"));
        if (!accept.json() || !accept.eventStream()) {
            throw new Rejection(TransportErrors.of(406, "Accept must list both application/json and text/event-stream"));
        }
        // The body of a POST is a JSON-RPC message, so it must be sent as JSON.
        if (!JsonContentType.matches(http.getContentType())) {
            throw new Rejection(TransportErrors.of(415, "Content-Type must be application/json"));
        }
        byte[] body = BodyReader.read(http, config.maxBodyBytes());
        if (body == null) {
            // the rest of the body is never read, so the connection cannot be reused
            throw new Rejection(TransportErrors.of(413, "Body larger than " + config.maxBodyBytes() + " bytes")
                    .with("Connection", "close"));
        }
        MessageDecoder.Decoded decoded = MessageDecoder.decode(body, limits.jsonMaxDepth(), limits.batchMaxMessages());
        if (EraSelector.isStateless(decoded, http.getHeader(McpHeaders.PROTOCOL_VERSION))) {
            return stateless(http, server, caller, decoded);
        }
        if (decoded.isInitialize()) {
            return new McpRequest(decoded.messages(), decoded.rejected(), false, null, null, caller.key(), caller, false,
                    Route.PLAIN, null);
        }
        SessionResolver.Found found = resolver.require(http, server, caller);
        checkScopes(http, server, caller, decoded);
        McpRequest request = McpRequest.of(found.session(), found.channel(), caller)
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
            return request.routedTo(tool.streams() ? Route.TOOL_STREAM : Route.TOOL_JSON);
        }
        return request; // everything else, pure tools included, is answered on the request thread
    }

    /**
     * A 2026-07-28 message: no session (Mcp-Session-Id and Last-Event-ID are ignored); the envelope
     * and headers are checked, then the scopes, as for any request. It is answered with plain JSON: on
     * the tool executor for a tool that may block, else on the request thread. A notification has
     * nothing to answer.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    private McpRequest stateless(HttpServletRequest http, McpServer server, Caller caller, MessageDecoder.Decoded decoded) {
        if (!(decoded.messages().get(0) instanceof JsonRpcMessage.Request request)) {
            return McpRequest.stateless(decoded.messages(), null, caller);
        }
        StatelessRequest valid = StatelessRequest.validate(request, http::getHeader);
        checkScopes(http, server, caller, decoded);
        admission.rateStateless(caller.key());
        McpRequest admitted = McpRequest.stateless(decoded.messages(), valid, caller);
        if ("subscriptions/listen".equals(request.method())) {
            return listen(request, caller, admitted);
        }
        // a tool that may wait (on the user service, say) must not hold an HTTP thread
        McpTool tool = "tools/call".equals(request.method()) && request.params().get("name") instanceof JsonString name
                ? server.tools().find(name.getString()).orElse(null) : null;
        if (tool != null) {
            ParamHeaders.check(request, tool, http::getHeader);
        }
        if (tool != null && needsStream(tool, request, valid)) {
            admission.reserveStatelessTool();
            return admitted.routedTo(Route.STATELESS_STREAM);
        }
        if (tool != null && (tool.blocks() || !limits.inlineNonBlocking())) {
            admission.reserveStatelessTool();
            return admitted.routedTo(Route.STATELESS_TOOL);
        }
        return admitted;
    }

    /**
     * A tool that may log or report progress gets an SSE stream when the request asked for either
     * (a log level or a progress token in _meta); otherwise nothing could be sent before the result,
     * and plain JSON is cheaper. A call the client lacks capabilities for is refused with JSON.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    private static boolean needsStream(McpTool tool, JsonRpcMessage.Request request, StatelessRequest valid) {
        if (!tool.streams() || tool.requiredClientCapabilities().keySet().stream().anyMatch(c -> !valid.meta().declares(c))) {
            return false;
        }
        JsonObject meta = request.params().get("_meta") instanceof JsonObject m ? m : JsonObject.EMPTY_JSON_OBJECT;
        return valid.meta().logLevel() != null || meta.containsKey("progressToken");
    }

    /**
     * subscriptions/listen: its filter is checked here, so a bad one is a 400 with JSON, and one of
     * the bounded places for a stream is taken (given back when the stream ends).
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    private McpRequest listen(JsonRpcMessage.Request request, Caller caller, McpRequest admitted) {
        try {
            SubscriptionFilter.read(request.params(), subscriptions.maxResourceUris(), limits.uriMaxLength());
        } catch (McpError e) {
            throw new Rejection(TransportErrors.json(400, new JsonRpcMessage.Error(request.id(), e.error())));
        }
        Subscriptions.Refusal refusal = subscriptions.reserve(caller.key());
        if (refusal != null) {
            throw refusal == Subscriptions.Refusal.CLIENT_FULL
                    ? Admission.refuse(429, 5, "This client has as many subscriptions/listen streams open as it may; close one first")
                    : Admission.refuse(503, 5, "The server has as many subscriptions/listen streams open as it can; try again later");
        }
        return admitted.routedTo(Route.STATELESS_LISTEN);
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#access-token-usage */
    private Caller admit(HttpServletRequest http, McpServer server) {
        try {
            return guard.admit(http, server);
        } catch (McpAccessGuard.Refusal r) {
            throw refusal(r);
        }
    }

    /**
     * A request the token lacks a scope for is refused as a whole, before anything runs: 403 with
     * the insufficient_scope challenge, so the client can step up and send it again.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling
     */
    private void checkScopes(HttpServletRequest http, McpServer server, Caller caller, MessageDecoder.Decoded decoded) {
        if (!caller.signedIn()) {
            return;
        }
        for (JsonRpcMessage message : decoded.messages()) {
            if (message instanceof JsonRpcMessage.Request request) {
                String scope = RequiredScopes.of(server, request);
                if (!caller.mayUse(scope)) {
                    throw refusal(guard.insufficientScope(http, caller, scope));
                }
            }
        }
    }

    private static Rejection refusal(McpAccessGuard.Refusal r) {
        HttpAnswer answer = TransportErrors.of(r.status(), r.getMessage());
        return new Rejection(r.challenge() == null ? answer : answer.with("WWW-Authenticate", r.challenge()));
    }
}
