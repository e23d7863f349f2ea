package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;

import java.util.Map;

/**
 * One thing a server asks the client during a request: elicitation, sampling or roots. On
 * 2026-07-28 it travels in an InputRequiredResult's {@code inputRequests}; on a 2025 session it is
 * a request on the stream.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#inputrequests
 *
 * @param method {@code elicitation/create}, {@code sampling/createMessage} or {@code roots/list}
 * @param params its params
 */
public record InputRequest(String method, JsonObject params) {

    /** The only request kinds an InputRequests map may hold, and the client capability each needs. */
    private static final Map<String, String> CAPABILITIES = Map.of(
            "elicitation/create", "elicitation",
            "sampling/createMessage", "sampling",
            "roots/list", "roots");

    public InputRequest {
        params = params == null ? JsonObject.EMPTY_JSON_OBJECT : params;
    }

    /** The client capability this request needs, or null when it is no request a server may send. */
    public String capability() {
        return CAPABILITIES.get(method);
    }

    public JsonObject toJson() {
        return JsonCodec.object().add("method", method).add("params", params).build();
    }
}
