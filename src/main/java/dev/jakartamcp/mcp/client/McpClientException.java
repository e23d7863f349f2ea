package dev.jakartamcp.mcp.client;

import jakarta.json.JsonValue;

/**
 * A call that failed: a JSON-RPC error from the server ({@link #code()} set), an HTTP status that is
 * not an MCP answer ({@link #httpStatus()} set), a broken connection or a timeout.
 */
public class McpClientException extends RuntimeException {

    private final int code;
    private final int httpStatus;
    private final JsonValue data;

    public McpClientException(String message, int code, int httpStatus, Throwable cause) {
        this(message, code, httpStatus, null, cause);
    }

    public McpClientException(String message, int code, int httpStatus, JsonValue data, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.data = data;
    }

    public static McpClientException rpc(int code, String message) {
        return new McpClientException(message + " (JSON-RPC error " + code + ")", code, 0, null);
    }

    public static McpClientException http(int status, String body) {
        return new McpClientException("HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body), 0, status, null);
    }

    public static McpClientException io(String message, Throwable cause) {
        return new McpClientException(message, 0, 0, cause);
    }

    /** The JSON-RPC error code, or 0. */
    public int code() {
        return code;
    }

    /** The error's data member (2026-07-28 errors such as -32022 carry one), or null. */
    public JsonValue data() {
        return data;
    }

    /** The HTTP status, or 0. */
    public int httpStatus() {
        return httpStatus;
    }
}
