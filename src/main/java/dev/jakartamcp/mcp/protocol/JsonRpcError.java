package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The error object of a JSON-RPC error response.
 * https://www.jsonrpc.org/specification#error_object
 */
public record JsonRpcError(int code, String message, JsonValue data) {

    // https://www.jsonrpc.org/specification#error_object
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    // implementation-defined server errors (-32000..-32099), used by the HTTP transport
    public static final int TRANSPORT_ERROR = -32000;
    public static final int SESSION_NOT_FOUND = -32001;
    // https://modelcontextprotocol.io/specification/2025-11-25/server/resources#error-handling
    public static final int RESOURCE_NOT_FOUND = -32002;
    /**
     * A limit or rate was exceeded; come back after Retry-After. Outside -32020..-32099, which
     * the 2026-07-28 revision reserves.
     */
    public static final int LIMIT_EXCEEDED = -32010;
    // https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
    /** A header disagrees with the body, or a required one is missing. */
    public static final int HEADER_MISMATCH = -32020;
    // https://modelcontextprotocol.io/specification/2026-07-28/basic/index
    /** The request needs a client capability it did not declare; data.requiredCapabilities names it. */
    public static final int MISSING_CAPABILITY = -32021;
    // https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
    /** The protocol version in _meta is not one this server speaks; data.supported and data.requested. */
    public static final int UNSUPPORTED_VERSION = -32022;

    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = JsonCodec.object().add("code", code).add("message", message);
        if (data != null) {
            b.add("data", data);
        }
        return b.build();
    }

    public static JsonRpcError fromJson(JsonObject json) {
        return new JsonRpcError(json.getInt("code", INTERNAL_ERROR), json.getString("message", ""), json.get("data"));
    }
}
