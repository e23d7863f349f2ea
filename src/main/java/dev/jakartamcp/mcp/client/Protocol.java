package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.ProtocolVersion;

/**
 * The era a client is told to speak: the stateless 2026-07-28 revision, the initialize era
 * (2025-11-25 and before), or whichever the server answers.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#terminology
 */
enum Protocol {
    AUTO, LEGACY, MODERN;

    static Protocol parse(String choice) {
        if (choice == null || choice.equals("auto")) {
            return AUTO;
        }
        if (choice.equals(ProtocolVersion.V2026_07_28)) {
            return MODERN;
        }
        if (ProtocolVersion.isSupported(choice)) {
            return LEGACY;
        }
        throw new IllegalArgumentException("protocol must be auto, " + ProtocolVersion.V2026_07_28 + " or one of "
                + ProtocolVersion.SUPPORTED + ", not " + choice);
    }
}
