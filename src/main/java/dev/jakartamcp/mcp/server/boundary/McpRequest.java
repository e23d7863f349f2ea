package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.server.control.Caller;
import dev.jakartamcp.mcp.server.control.McpSession;
import dev.jakartamcp.mcp.server.control.SessionChannel;

import java.util.List;

/**
 * An MCP request (POST, GET or DELETE) after {@link McpTransport}: its body parsed once, its
 * session found, its admission decided, who answers it chosen. Handed to {@link McpEndpoint} as a
 * request attribute when JAX-RS answers it.
 *
 * @param messages the valid messages of a POST, in order; empty for GET and DELETE
 * @param rejected error responses for invalid members of a batch
 * @param batch    whether the body was a JSON array
 * @param session  the session, or null for initialize
 * @param channel  the session's live channel, or null for initialize
 * @param client   who sends it, for per-client quotas
 * @param caller   who sends it and what their token allows
 * @param holdsSlot whether it holds one of the session's request slots, released when it ends
 * @param route    who answers it
 * @param stateless a validated 2026-07-28 request (no session), or null
 */
record McpRequest(List<JsonRpcMessage> messages, List<JsonRpcMessage.Error> rejected, boolean batch,
                  McpSession session, SessionChannel channel, String client, Caller caller, boolean holdsSlot,
                  Route route, StatelessRequest stateless) {

    static final String ATTRIBUTE = McpRequest.class.getName();

    static McpRequest of(McpSession session, SessionChannel channel, Caller caller) {
        return new McpRequest(List.of(), List.of(), false, session, channel, caller.key(), caller, false, Route.PLAIN, null);
    }

    /**
     * A 2026-07-28 message: no session, no slot. A notification has nothing to validate
     * ({@code stateless} is null then).
     */
    static McpRequest stateless(List<JsonRpcMessage> messages, StatelessRequest stateless, Caller caller) {
        return new McpRequest(messages, List.of(), false, null, null, caller.key(), caller, false, Route.PLAIN, stateless);
    }

    /** Whether it is served without a session (2026-07-28). */
    boolean isStateless() {
        // initialize with the envelope is a 2026 request too (and an unknown method there)
        return stateless != null || (session == null && !messages.isEmpty() && !isInitialize());
    }

    JsonRpcMessage single() {
        return messages.get(0);
    }

    boolean isInitialize() {
        return !batch && !messages.isEmpty() && single() instanceof JsonRpcMessage.Request r && "initialize".equals(r.method());
    }

    McpRequest withMessages(List<JsonRpcMessage> messages, List<JsonRpcMessage.Error> rejected, boolean batch) {
        return new McpRequest(messages, rejected, batch, session, channel, client, caller, holdsSlot, route, stateless);
    }

    McpRequest holdingSlot() {
        return new McpRequest(messages, rejected, batch, session, channel, client, caller, true, route, stateless);
    }

    McpRequest routedTo(Route route) {
        return new McpRequest(messages, rejected, batch, session, channel, client, caller, holdsSlot, route, stateless);
    }

    /** Gives the session's request slot back; every path that ends the request calls it. */
    void release() {
        if (holdsSlot && channel != null) {
            channel.release();
        }
    }
}
