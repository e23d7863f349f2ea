package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.server.control.McpSession;

import java.util.List;

/**
 * A POST body after the transport checks: parsed once, by {@link McpTransportFilter}, and handed to
 * {@link McpEndpoint} as a request attribute.
 *
 * @param messages the valid messages, in order
 * @param rejected error responses for invalid members of a batch
 * @param batch    whether the body was a JSON array
 * @param session  the session, or null for initialize
 */
record IncomingPost(List<JsonRpcMessage> messages, List<JsonRpcMessage.Error> rejected, boolean batch,
                    McpSession session) {

    static final String ATTRIBUTE = IncomingPost.class.getName();

    JsonRpcMessage single() {
        return messages.get(0);
    }

    boolean isInitialize() {
        return !batch && single() instanceof JsonRpcMessage.Request r && "initialize".equals(r.method());
    }
}
