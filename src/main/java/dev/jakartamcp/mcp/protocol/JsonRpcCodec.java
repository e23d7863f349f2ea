package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;

/**
 * Turns JSON values into {@link JsonRpcMessage}s and back, enforcing the JSON-RPC 2.0 envelope.
 */
public final class JsonRpcCodec {

    private JsonRpcCodec() {
    }

    /**
     * Reads one message (not a batch).
     * https://www.jsonrpc.org/specification#request_object and
     * https://modelcontextprotocol.io/specification/2025-11-25/basic#requests (ids MUST NOT be null)
     *
     * @throws InvalidMessageException with the id when one could be read
     */
    public static JsonRpcMessage decode(JsonValue value) {
        if (value.getValueType() != ValueType.OBJECT) {
            throw new InvalidMessageException(JsonValue.NULL, "a JSON-RPC message must be a JSON object");
        }
        JsonObject json = value.asJsonObject();
        JsonValue id = json.get("id");
        JsonValue echoId = isValidId(id) ? id : JsonValue.NULL;
        JsonValue version = json.get("jsonrpc");
        if (version == null || version.getValueType() != ValueType.STRING || !"2.0".equals(((jakarta.json.JsonString) version).getString())) {
            throw new InvalidMessageException(echoId, "\"jsonrpc\" must be the string \"2.0\"");
        }
        if (json.containsKey("method")) {
            return decodeCall(json, id, echoId);
        }
        if (json.containsKey("result") || json.containsKey("error")) {
            return decodeResponse(json, id, echoId);
        }
        throw new InvalidMessageException(echoId, "a request needs a \"method\"");
    }

    private static JsonRpcMessage decodeCall(JsonObject json, JsonValue id, JsonValue echoId) {
        JsonValue method = json.get("method");
        if (method.getValueType() != ValueType.STRING) {
            throw new InvalidMessageException(echoId, "\"method\" must be a string");
        }
        String name = ((jakarta.json.JsonString) method).getString();
        JsonValue params = json.get("params");
        if (params != null && params.getValueType() != ValueType.OBJECT) {
            // MCP params are always by name: https://modelcontextprotocol.io/specification/2025-11-25/basic#requests
            if (id != null && isValidId(id)) {
                throw new InvalidMessageException(echoId, JsonRpcError.INVALID_PARAMS, "\"params\" must be a JSON object");
            }
            throw new InvalidMessageException(echoId, "\"params\" must be a JSON object");
        }
        JsonObject paramsObject = params == null ? JsonValue.EMPTY_JSON_OBJECT : params.asJsonObject();
        if (id == null) {
            return new JsonRpcMessage.Notification(name, paramsObject);
        }
        if (!isValidId(id)) {
            throw new InvalidMessageException(JsonValue.NULL, "\"id\" must be a string or a number, not null");
        }
        return new JsonRpcMessage.Request(id, name, paramsObject);
    }

    private static JsonRpcMessage decodeResponse(JsonObject json, JsonValue id, JsonValue echoId) {
        if (id == null || !isValidId(id)) {
            if (json.containsKey("error") && json.get("error").getValueType() == ValueType.OBJECT) {
                return new JsonRpcMessage.Error(JsonValue.NULL, JsonRpcError.fromJson(json.getJsonObject("error")));
            }
            throw new InvalidMessageException(JsonValue.NULL, "a response needs a string or number \"id\"");
        }
        JsonValue result = json.get("result");
        if (result != null) {
            if (result.getValueType() != ValueType.OBJECT) {
                throw new InvalidMessageException(echoId, "\"result\" must be a JSON object");
            }
            return new JsonRpcMessage.Result(id, result.asJsonObject());
        }
        JsonValue error = json.get("error");
        if (error.getValueType() != ValueType.OBJECT) {
            throw new InvalidMessageException(echoId, "\"error\" must be a JSON object");
        }
        return new JsonRpcMessage.Error(id, JsonRpcError.fromJson(error.asJsonObject()));
    }

    private static boolean isValidId(JsonValue id) {
        return id != null && (id.getValueType() == ValueType.STRING || id.getValueType() == ValueType.NUMBER);
    }

    public static JsonObject encode(JsonRpcMessage message) {
        JsonObjectBuilder b = JsonCodec.object().add("jsonrpc", "2.0");
        if (message instanceof JsonRpcMessage.Request r) {
            b.add("id", r.id()).add("method", r.method()).add("params", r.params());
        } else if (message instanceof JsonRpcMessage.Notification n) {
            b.add("method", n.method());
            if (n.params() != null && !n.params().isEmpty()) {
                b.add("params", n.params());
            }
        } else if (message instanceof JsonRpcMessage.Result r) {
            b.add("id", r.id()).add("result", r.result());
        } else if (message instanceof JsonRpcMessage.Error e) {
            b.add("id", e.id()).add("error", e.error().toJson());
        }
        return b.build();
    }

    /** A message that is JSON but not a valid JSON-RPC message. */
    public static final class InvalidMessageException extends RuntimeException {
        private final transient JsonValue id;
        private final int code;

        public InvalidMessageException(JsonValue id, String message) {
            this(id, JsonRpcError.INVALID_REQUEST, message);
        }

        public InvalidMessageException(JsonValue id, int code, String message) {
            super(message, null, false, false);
            this.id = id;
            this.code = code;
        }

        public JsonRpcMessage.Error toError() {
            return new JsonRpcMessage.Error(id, new JsonRpcError(code, getMessage()));
        }
    }
}
