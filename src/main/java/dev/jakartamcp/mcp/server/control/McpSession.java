package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.LogLevel;

import java.io.Serializable;

/**
 * What a session remembers between requests. Small and serializable on purpose, so a cluster-wide
 * store can hold it; live things (open streams, waiting futures) live in {@link SessionChannel}.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 *
 * @param server             the MCP server (endpoint) the session belongs to
 * @param clientCapabilities the client's declared capabilities, as JSON text
 * @param initialized        true once notifications/initialized arrived
 * @param logLevel           the minimum level of notifications/message (logging/setLevel)
 * @param client             who created it: the principal once there is one, else the remote address;
 *                           per-client quotas count by it
 */
public record McpSession(String id, String server, String protocolVersion, String clientName, String clientVersion,
                         String clientCapabilities, boolean initialized, LogLevel logLevel,
                         long createdAtMillis, String client) implements Serializable {

    public McpSession ready() {
        return new McpSession(id, server, protocolVersion, clientName, clientVersion, clientCapabilities, true, logLevel,
                createdAtMillis, client);
    }

    public McpSession withLogLevel(LogLevel level) {
        return new McpSession(id, server, protocolVersion, clientName, clientVersion, clientCapabilities, initialized, level,
                createdAtMillis, client);
    }
}
