package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** Turns a POST body into JSON-RPC messages, or a {@link Rejection}. */
final class MessageDecoder {

    /** One message, or the members of a batch. */
    record Decoded(List<JsonRpcMessage> messages, List<JsonRpcMessage.Error> rejected, boolean batch) {

        boolean isInitialize() {
            return !batch && messages.get(0) instanceof JsonRpcMessage.Request r && "initialize".equals(r.method());
        }
    }

    private MessageDecoder() {
    }

    static Decoded decode(byte[] body, int maxDepth, int maxBatch) {
        JsonValue json;
        try {
            json = JsonCodec.parse(body, maxDepth);
        } catch (JsonCodec.MalformedJsonException e) {
            // https://www.jsonrpc.org/specification#error_object: -32700, id null
            throw new Rejection(TransportErrors.of(400, JsonRpcError.PARSE_ERROR, "Parse error: the body is not valid JSON ("
                    + e.getMessage() + ")"));
        }
        if (json.getValueType() == JsonValue.ValueType.ARRAY) {
            return batch(json.asJsonArray(), maxBatch);
        }
        try {
            return new Decoded(List.of(JsonRpcCodec.decode(json)), List.of(), false);
        } catch (JsonRpcCodec.InvalidMessageException e) {
            throw new Rejection(TransportErrors.json(400, e.toError()));
        }
    }

    /**
     * Batches exist only in 2025-03-26 (the session's version is checked later); later revisions
     * removed them.
     * https://modelcontextprotocol.io/specification/2025-03-26/basic/transports#sending-messages-to-the-server
     */
    private static Decoded batch(JsonArray batch, int maxBatch) {
        if (batch.isEmpty()) {
            throw new Rejection(TransportErrors.of(400, JsonRpcError.INVALID_REQUEST, "An empty batch is not a valid request"));
        }
        if (batch.size() > maxBatch) {
            throw new Rejection(TransportErrors.of(400, JsonRpcError.INVALID_REQUEST,
                    "A batch may hold at most " + maxBatch + " messages"));
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
        return new Decoded(messages, rejected, true);
    }
}
