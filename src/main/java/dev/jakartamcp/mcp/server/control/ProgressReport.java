package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The progress notifications of one request, in either era: sent only when the request carried a
 * progressToken, which is echoed unchanged (a number stays a number), and only while progress goes
 * up (it MUST increase with each notification, so an equal value is dropped too).
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/progress
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/utilities/progress
 */
final class ProgressReport {

    static final String METHOD = "notifications/progress";

    private final JsonValue token;
    private double last = Double.NEGATIVE_INFINITY;

    /** @param token the request's {@code _meta.progressToken}, or null: then nothing is ever due */
    ProgressReport(JsonValue token) {
        this.token = token;
    }

    /** The params of the next notifications/progress, or null when none is due. */
    synchronized JsonObject next(double progress, Double total, String message) {
        if (token == null || !(progress > last)) {
            return null;
        }
        last = progress;
        JsonObjectBuilder params = JsonCodec.object().add("progressToken", token).add("progress", number(progress));
        if (total != null) params.add("total", number(total));
        if (message != null) params.add("message", message);
        return params.build();
    }

    /** 50 rather than 50.0 on the wire when the value is whole. */
    private static JsonNumber number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? JsonCodec.provider().createValue((long) value) : JsonCodec.provider().createValue(value);
    }
}
