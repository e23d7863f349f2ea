package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import jakarta.json.JsonObject;

/**
 * The JSON-RPC errors of Multi Round-Trip Requests: invalid params (-32602), with
 * {@code data.mrtr} naming what was refused, so the transport answers them 400 like the other
 * errors of a request it cannot serve.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#error-handling
 */
public final class MrtrErrors {

    static final String KEY = "mrtr";

    private MrtrErrors() {
    }

    /** Malformed inputResponses or requestState (the wrong types, or an answer of the wrong shape). */
    static McpError invalidInput(String message) {
        return error(message, "invalid-input");
    }

    /** A requestState that fails verification, lapsed, belongs to another request or caller, or was used up. */
    static McpError stateRefused(String message, String reason) {
        return error(message, "requestState-" + reason);
    }

    /** Whether an error is one of these (the transport answers them 400). */
    public static boolean is(JsonRpcError error) {
        return error.data() instanceof JsonObject data && data.containsKey(KEY);
    }

    private static McpError error(String message, String reason) {
        return new McpError(new JsonRpcError(JsonRpcError.INVALID_PARAMS, message,
                JsonCodec.object().add(KEY, reason).build()));
    }
}
