package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The extension point for tools: a CDI bean implementing this, qualified with {@link ServedBy},
 * is listed and callable on that server. The engine validates arguments against
 * {@link ToolDefinition#inputSchema()} before {@link #call} runs.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools
 */
public interface McpTool {

    ToolDefinition definition();

    /**
     * Whether a call may send messages before its result (progress, logs, requests to the client).
     * Such a call is answered on an SSE stream; one that never does is answered with plain JSON,
     * which the transport allows and which costs a third less.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    default boolean streams() {
        return true;
    }

    /**
     * Whether a call may wait on anything (a service, a database, the client). A tool that neither
     * blocks nor streams is pure computation: it runs on the request thread, where handing it to
     * the tool pool would cost more than the call (unless {@code mcp.tools.inline-non-blocking} is
     * false). Anything that waits must say true, or it would hold an HTTP thread.
     */
    default boolean blocks() {
        return true;
    }

    /** Expected failures are returned as {@link CallToolResult#error}; an exception means a bug. */
    CallToolResult call(JsonObject arguments, CallContext context);

    /**
     * The OAuth scope a caller's token needs to call this tool when identity is on; null: none. A tool the
     * token may not call is not listed to it either.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling
     */
    default String requiredScope() {
        return null;
    }

    /**
     * The client capabilities a call cannot do without, e.g. {@code {"elicitation": {}}}. A
     * 2026-07-28 request that does not declare them is refused with -32021 before the tool runs.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/index
     */
    default JsonObject requiredClientCapabilities() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
