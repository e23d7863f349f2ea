package dev.jakartamcp.mcp.server.control;

import java.io.Serializable;

/**
 * What a session remembers between requests. Small and serializable on purpose, so a cluster-wide
 * store can hold it; live things (open streams, waiting futures) never go in here.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 *
 * @param clientCapabilities the client's declared capabilities, as JSON text
 * @param initialized        true once notifications/initialized arrived
 */
public record McpSession(String id, String protocolVersion, String clientName, String clientVersion,
                         String clientCapabilities, boolean initialized, long createdAtMillis) implements Serializable {

    public McpSession ready() {
        return new McpSession(id, protocolVersion, clientName, clientVersion, clientCapabilities, true, createdAtMillis);
    }
}
