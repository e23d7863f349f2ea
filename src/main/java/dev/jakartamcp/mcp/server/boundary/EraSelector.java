package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import dev.jakartamcp.mcp.server.control.MetaEnvelope;

/**
 * Which revision a POST speaks. One message (not a batch) carrying the 2026 _meta envelope, or a
 * 2026-07-28 MCP-Protocol-Version header on anything but initialize, is served statelessly; the
 * rest, initialize without the envelope first of all, is a 2025-era session exactly as before.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 */
final class EraSelector {

    private EraSelector() {
    }

    static boolean isStateless(MessageDecoder.Decoded decoded, String protocolVersionHeader) {
        if (decoded.batch() || decoded.messages().size() != 1) {
            return false;
        }
        JsonRpcMessage message = decoded.messages().get(0);
        var params = message instanceof JsonRpcMessage.Request r ? r.params()
                : message instanceof JsonRpcMessage.Notification n ? n.params() : null;
        if (params == null) {
            return false;
        }
        return MetaEnvelope.marks(params)
                || (protocolVersionHeader != null && ProtocolVersion.STATELESS.contains(protocolVersionHeader.strip())
                    && !decoded.isInitialize());
    }
}
