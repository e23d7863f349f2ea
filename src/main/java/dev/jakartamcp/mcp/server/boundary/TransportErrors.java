package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * HTTP-level rejections. The body is a JSON-RPC error without id, which the transport allows:
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
 */
final class TransportErrors {

    private TransportErrors() {
    }

    static Response of(Response.Status status, String message) {
        return of(status.getStatusCode(), JsonRpcError.TRANSPORT_ERROR, message);
    }

    static Response of(int status, int code, String message) {
        return json(status, new JsonRpcMessage.Error(JsonValue.NULL, new JsonRpcError(code, message)));
    }

    static Response json(int status, JsonRpcMessage message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonCodec.writeBytes(JsonRpcCodec.encode(message))).build();
    }
}
