package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The params of a notifications/message; which ones are sent is each era's rule (a session's level
 * in 2025, the request's _meta in 2026-07-28).
 * https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging
 */
final class LogMessage {

    private LogMessage() {
    }

    static JsonObject params(LogLevel level, String logger, JsonValue data) {
        JsonObjectBuilder params = JsonCodec.object().add("level", level.wire()).add("data", data);
        if (logger != null) params.add("logger", logger);
        return params.build();
    }
}
