package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import dev.jakartamcp.mcp.server.control.Caller;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpSession;
import dev.jakartamcp.mcp.server.control.SessionChannel;
import dev.jakartamcp.mcp.server.control.SessionChannels;
import dev.jakartamcp.mcp.server.control.SessionIds;
import dev.jakartamcp.mcp.server.control.SessionManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the session a request names, with its live channel, or refuses: 400 when the header is
 * missing, 404 when the session is unknown, expired or deleted (also when it ended while this
 * request was on its way), 400 for an unsupported protocol version.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 */
@ApplicationScoped
class SessionResolver {

    /** A session and its channel. */
    record Found(McpSession session, SessionChannel channel) {
    }

    @Inject
    SessionManager sessions;

    @Inject
    SessionChannels channels;

    /**
     * A session belongs to the caller who created it: with another person's token it is "not found",
     * exactly like a session that never existed, so its id reveals nothing.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/security_best_practices#session-hijacking
     */
    Found require(HttpServletRequest http, McpServer server, Caller caller) {
        String id = http.getHeader(McpHeaders.SESSION_ID);
        if (id == null || id.isBlank()) {
            throw new Rejection(TransportErrors.of(400, "Missing Mcp-Session-Id header; call initialize first"));
        }
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#protocol-version-header
        String version = http.getHeader(McpHeaders.PROTOCOL_VERSION);
        if (version != null && !ProtocolVersion.isSupported(version)) {
            throw new Rejection(TransportErrors.of(400, "Unsupported MCP-Protocol-Version: "
                    + (version.length() > 40 ? version.substring(0, 40) + "..." : version)
                    + "; supported: " + String.join(", ", ProtocolVersion.SUPPORTED)));
        }
        McpSession session = SessionIds.isWellFormed(id) ? sessions.find(id).orElse(null) : null;
        SessionChannel channel = session == null ? null : channels.get(id);
        if (session == null || channel == null || !session.server().equals(server.name())
                || (caller.signedIn() && !caller.key().equals(session.client()))) {
            throw new Rejection(TransportErrors.of(404, JsonRpcError.SESSION_NOT_FOUND,
                    "Session not found (unknown, expired or deleted); start a new one with initialize"));
        }
        return new Found(session, channel);
    }
}
