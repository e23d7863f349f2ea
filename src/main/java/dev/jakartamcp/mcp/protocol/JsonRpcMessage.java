package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A JSON-RPC 2.0 message as MCP uses it.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic#messages
 */
public sealed interface JsonRpcMessage {

    /** A request: it has an id (string or number, never null) and expects a response. */
    record Request(JsonValue id, String method, JsonObject params) implements JsonRpcMessage {
    }

    /** A notification: no id, no response. */
    record Notification(String method, JsonObject params) implements JsonRpcMessage {
    }

    /** A successful response. */
    record Result(JsonValue id, JsonObject result) implements JsonRpcMessage {
    }

    /** An error response; id is JSON null when the request's id could not be read. */
    record Error(JsonValue id, JsonRpcError error) implements JsonRpcMessage {
    }
}
