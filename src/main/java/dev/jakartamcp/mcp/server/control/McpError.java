package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;

/** A request that must be answered with a JSON-RPC error; thrown by handlers, turned into a response by the dispatcher. */
public class McpError extends RuntimeException {

    private final transient JsonRpcError error;

    public McpError(JsonRpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public JsonRpcError error() {
        return error;
    }

    public static McpError invalidParams(String message) {
        return new McpError(new JsonRpcError(JsonRpcError.INVALID_PARAMS, message));
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/resources#error-handling */
    public static McpError resourceNotFound(String uri) {
        return new McpError(new JsonRpcError(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found",
                JsonCodec.object().add("uri", uri).build()));
    }
}
