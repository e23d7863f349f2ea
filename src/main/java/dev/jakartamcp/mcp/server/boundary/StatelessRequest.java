package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import dev.jakartamcp.mcp.server.control.McpError;
import dev.jakartamcp.mcp.server.control.MetaEnvelope;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;

import java.util.function.UnaryOperator;

/**
 * A 2026-07-28 request whose envelope and headers passed, in this order: the _meta envelope
 * (-32602), MCP-Protocol-Version equal to it (-32020), a version we speak statelessly (-32022),
 * Mcp-Method, and Mcp-Name where the method names something (-32020). Each refusal is HTTP 400
 * with the request's id.
 *
 * @param request the JSON-RPC request
 * @param meta    what its _meta says about the client
 */
record StatelessRequest(JsonRpcMessage.Request request, MetaEnvelope meta) {

    /** @param header a request header by name, null when absent */
    static StatelessRequest validate(JsonRpcMessage.Request request, UnaryOperator<String> header) {
        MetaEnvelope meta;
        try {
            // https://modelcontextprotocol.io/specification/2026-07-28/basic/index
            meta = MetaEnvelope.read(request.params());
        } catch (McpError e) {
            throw refuse(request, e.error());
        }
        // https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#protocol-version-header
        String versionHeader = header.apply(McpHeaders.PROTOCOL_VERSION);
        if (!meta.protocolVersion().equals(versionHeader == null ? null : versionHeader.strip())) {
            throw mismatch(request, McpHeaders.PROTOCOL_VERSION + " must equal params._meta[\""
                    + MetaEnvelope.PROTOCOL_VERSION + "\"]");
        }
        // https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
        if (!ProtocolVersion.STATELESS.contains(meta.protocolVersion())) {
            JsonArrayBuilder supported = JsonCodec.array();
            ProtocolVersion.ALL.forEach(supported::add);
            throw refuse(request, new JsonRpcError(JsonRpcError.UNSUPPORTED_VERSION, "Unsupported protocol version",
                    JsonCodec.object().add("supported", supported).add("requested", meta.protocolVersion()).build()));
        }
        // https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#request-headers
        if (!request.method().equals(StatelessHeaders.decode(header.apply(StatelessHeaders.METHOD)))) {
            throw mismatch(request, StatelessHeaders.METHOD + " must be present and equal the method " + request.method());
        }
        // a body without the name is invalid params, which the dispatcher says
        String named = namedIn(request);
        if (named != null) {
            String sent = StatelessHeaders.decode(header.apply(StatelessHeaders.NAME));
            if (!named.equals(sent)) {
                throw mismatch(request, StatelessHeaders.NAME + " must be present and equal the "
                        + ("resources/read".equals(request.method()) ? "uri" : "name") + " in params");
            }
        }
        return new StatelessRequest(request, meta);
    }

    private static boolean requiresName(String method) {
        return switch (method) {
            case "tools/call", "resources/read", "prompts/get" -> true;
            default -> false;
        };
    }

    /** params.name of tools/call and prompts/get, params.uri of resources/read; null for other methods. */
    private static String namedIn(JsonRpcMessage.Request request) {
        if (!requiresName(request.method())) {
            return null;
        }
        String key = "resources/read".equals(request.method()) ? "uri" : "name";
        return request.params().get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static Rejection mismatch(JsonRpcMessage.Request request, String message) {
        return refuse(request, new JsonRpcError(JsonRpcError.HEADER_MISMATCH, message));
    }

    private static Rejection refuse(JsonRpcMessage.Request request, JsonRpcError error) {
        return new Rejection(TransportErrors.json(400, new JsonRpcMessage.Error(request.id(), error)));
    }
}
