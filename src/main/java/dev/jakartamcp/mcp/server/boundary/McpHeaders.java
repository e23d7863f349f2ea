package dev.jakartamcp.mcp.server.boundary;

/** HTTP header names of the Streamable HTTP transport. */
final class McpHeaders {

    // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
    static final String SESSION_ID = "Mcp-Session-Id";
    // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#protocol-version-header
    static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

    private McpHeaders() {
    }
}
