package dev.jakartamcp.mcp.client;

/**
 * One initialized session: the id the server gave (null for a server without sessions), the
 * negotiated protocol version, and which of this client's sessions it is. A request carries the
 * session it was sent on, so a 404 can be matched to the session it proves lost.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 */
record Session(String id, String protocolVersion, long generation) {
}
