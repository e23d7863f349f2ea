package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a 2026-07-28 request says about its client in {@code params._meta}: there is no session to
 * remember it, so every request carries it.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/index
 *
 * @param protocolVersion    {@code io.modelcontextprotocol/protocolVersion} (required)
 * @param clientCapabilities {@code io.modelcontextprotocol/clientCapabilities} (required)
 * @param clientInfo         {@code io.modelcontextprotocol/clientInfo}, or null
 * @param logLevel           {@code io.modelcontextprotocol/logLevel}, or null: then no notifications/message
 */
public record MetaEnvelope(String protocolVersion, JsonObject clientCapabilities, JsonObject clientInfo, LogLevel logLevel) {

    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    /** The request's _meta, or null when it has none (or it is not an object). */
    public static JsonObject metaOf(JsonObject params) {
        return params != null && params.get("_meta") instanceof JsonObject meta ? meta : null;
    }

    /** Whether a request's params carry the 2026 envelope (either required key is enough to mean it). */
    public static boolean marks(JsonObject params) {
        JsonObject meta = metaOf(params);
        return meta != null && (meta.containsKey(PROTOCOL_VERSION) || meta.containsKey(CLIENT_CAPABILITIES));
    }

    /**
     * Reads and checks the envelope: a missing or mistyped required field is invalid params (-32602).
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/index
     */
    public static MetaEnvelope read(JsonObject params) {
        JsonObject meta = metaOf(params);
        if (meta == null) {
            throw McpError.invalidParams("A 2026-07-28 request needs params._meta with " + PROTOCOL_VERSION
                    + " and " + CLIENT_CAPABILITIES);
        }
        if (!(meta.get(PROTOCOL_VERSION) instanceof JsonString version) || version.getString().isBlank()) {
            throw McpError.invalidParams("params._meta needs a string \"" + PROTOCOL_VERSION + "\"");
        }
        if (!(meta.get(CLIENT_CAPABILITIES) instanceof JsonObject capabilities)) {
            throw McpError.invalidParams("params._meta needs an object \"" + CLIENT_CAPABILITIES + "\"");
        }
        JsonValue info = meta.get(CLIENT_INFO);
        if (info != null && !(info instanceof JsonObject)) {
            throw McpError.invalidParams("\"" + CLIENT_INFO + "\" must be an object");
        }
        LogLevel level = null;
        JsonValue wire = meta.get(LOG_LEVEL);
        if (wire != null) {
            level = wire instanceof JsonString s ? LogLevel.parse(s.getString()).orElse(null) : null;
            if (level == null) {
                throw new McpError(new JsonRpcError(JsonRpcError.INVALID_PARAMS, "\"" + LOG_LEVEL
                        + "\" must be one of debug, info, notice, warning, error, critical, alert, emergency"));
            }
        }
        return new MetaEnvelope(version.getString(), capabilities, (JsonObject) info, level);
    }

    public boolean declares(String capability) {
        return clientCapabilities.get(capability) instanceof JsonObject;
    }
}
