package dev.jakartamcp.mcp.protocol;

import java.util.List;

/**
 * The MCP protocol revisions this code speaks, newest first.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#version-negotiation
 */
public final class ProtocolVersion {

    public static final String V2025_11_25 = "2025-11-25";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_03_26 = "2025-03-26";
    public static final String LATEST = V2025_11_25;
    public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26);

    /**
     * The stateless revision: no initialize, no session; every request carries its version in _meta.
     * Not in {@link #SUPPORTED}, which is what initialize negotiates.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
     */
    public static final String V2026_07_28 = "2026-07-28";
    public static final List<String> STATELESS = List.of(V2026_07_28);
    /** Every revision this server speaks, newest first, as server/discover and -32022 list them. */
    public static final List<String> ALL = List.of(V2026_07_28, V2025_11_25, V2025_06_18, V2025_03_26);

    /**
     * The version a server assumes when a request carries no MCP-Protocol-Version header.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#protocol-version-header
     */
    public static final String ASSUMED_WHEN_ABSENT = V2025_03_26;

    private ProtocolVersion() {
    }

    public static boolean isSupported(String version) {
        return version != null && SUPPORTED.contains(version);
    }

    /**
     * If the server supports the requested version it MUST respond with the same version;
     * otherwise it MUST respond with another version it supports, which SHOULD be its latest.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#version-negotiation
     */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }

    /**
     * JSON-RPC batches exist only in 2025-03-26; 2025-06-18 removed them.
     * https://modelcontextprotocol.io/specification/2025-03-26/basic#batching
     */
    public static boolean allowsBatches(String version) {
        return V2025_03_26.equals(version);
    }
}
