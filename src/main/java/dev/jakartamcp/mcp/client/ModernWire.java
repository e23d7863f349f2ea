package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.Implementation;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every 2026-07-28 request carries: the {@code _meta} envelope (protocol version, client
 * capabilities, client info) in its params, and the standard headers Mcp-Method and, for the
 * requests that name something, Mcp-Name.
 */
final class ModernWire {

    static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    private final JsonObject capabilities;
    private final Implementation clientInfo;

    ModernWire(JsonObject capabilities, Implementation clientInfo) {
        this.capabilities = capabilities;
        this.clientInfo = clientInfo;
    }

    /**
     * The params with the envelope added to their {@code _meta} (whatever else is there, such as a
     * progressToken, stays).
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/index#meta
     */
    JsonObject envelope(JsonObject params, String version) {
        JsonObject given = params == null ? JsonValue.EMPTY_JSON_OBJECT : params;
        JsonObjectBuilder meta = given.get("_meta") instanceof JsonObject m ? JsonCodec.object(m) : JsonCodec.object();
        meta.add(PROTOCOL_VERSION, version).add(CLIENT_CAPABILITIES, capabilities).add(CLIENT_INFO, clientInfo.toJson());
        return JsonCodec.object(given).add("_meta", meta).build();
    }

    /**
     * Mcp-Method on every request; Mcp-Name with params.name (tools/call, prompts/get) or params.uri
     * (resources/read), encoded when it is not plain ASCII.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#standard-mcp-request-headers
     */
    static Map<String, String> standardHeaders(String method, JsonObject params) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Mcp-Method", method);
        String key = switch (method) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        if (key != null && params != null && params.get(key) instanceof JsonString name) {
            headers.put("Mcp-Name", HeaderValue.encode(name.getString()));
        }
        return headers;
    }
}
