package dev.jakartamcp.mcp.server.control;

import jakarta.json.JsonObject;

/**
 * What a running request may do besides returning its result: send notifications related to it,
 * and see whether it was cancelled.
 */
public interface CallContext {

    McpSession session();

    /**
     * Sends a notification on the request's stream. When the request is answered with plain JSON
     * there is no stream and the notification is dropped, as the transport allows.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    void notify(String method, JsonObject params);

    boolean isCancelled();

    /** For requests answered with plain JSON: nothing can be streamed. */
    static CallContext withoutStream(McpSession session) {
        return new CallContext() {
            @Override
            public McpSession session() {
                return session;
            }

            @Override
            public void notify(String method, JsonObject params) {
                // no stream to send it on
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
