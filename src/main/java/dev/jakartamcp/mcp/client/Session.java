package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.ProtocolVersion;

/**
 * One initialized session: the id the server gave (null for a server without sessions), the
 * negotiated protocol version, and which of this client's sessions it is. A request carries the
 * session it was sent on, so a 404 can be matched to the session it proves lost. On the 2026-07-28
 * revision there is no session at all: the id is null and every request carries the version.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 */
record Session(String id, String protocolVersion, long generation) {

    /**
     * True for the stateless revision, whose requests carry the _meta envelope and the Mcp-* headers.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
     */
    boolean modern() {
        return ProtocolVersion.STATELESS.contains(protocolVersion);
    }
}
