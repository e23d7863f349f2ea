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
 */
record McpRequest(List<JsonRpcMessage> messages, List<JsonRpcMessage.Error> rejected, boolean batch,
                  McpSession session, SessionChannel channel, String client, Caller caller, boolean holdsSlot,
                  Route route) {

    static final String ATTRIBUTE = McpRequest.class.getName();

    static McpRequest of(McpSession session, SessionChannel channel, Caller caller) {
        return new McpRequest(List.of(), List.of(), false, session, channel, caller.key(), caller, false, Route.PLAIN);
    }

    JsonRpcMessage single() {
        return messages.get(0);
    }

    boolean isInitialize() {
        return !batch && !messages.isEmpty() && single() instanceof JsonRpcMessage.Request r && "initialize".equals(r.method());
    }

    McpRequest withMessages(List<JsonRpcMessage> messages, List<JsonRpcMessage.Error> rejected, boolean batch) {
        return new McpRequest(messages, rejected, batch, session, channel, client, caller, holdsSlot, route);
    }

    McpRequest holdingSlot() {
        return new McpRequest(messages, rejected, batch, session, channel, client, caller, true, route);
    }

    McpRequest routedTo(Route route) {
        return new McpRequest(messages, rejected, batch, session, channel, client, caller, holdsSlot, route);
    }

    /** Gives the session's request slot back; every path that ends the request calls it. */
    void release() {
        if (holdsSlot && channel != null) {
            channel.release();
        }
    }
}
