package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonValue;

/**
 * HTTP-level rejections. The body is a JSON-RPC error without id, which the transport allows:
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
 */
final class TransportErrors {

    private TransportErrors() {
    }

    /** A transport error ({@link JsonRpcError#TRANSPORT_ERROR}). */
    static HttpAnswer of(int status, String message) {
        return of(status, JsonRpcError.TRANSPORT_ERROR, message);
    }

    static HttpAnswer of(int status, int code, String message) {
        return json(status, new JsonRpcMessage.Error(JsonValue.NULL, new JsonRpcError(code, message)));
    }

    static HttpAnswer json(int status, JsonRpcMessage message) {
        return HttpAnswer.json(status, JsonCodec.writeBytes(JsonRpcCodec.encode(message)));
    }
}
