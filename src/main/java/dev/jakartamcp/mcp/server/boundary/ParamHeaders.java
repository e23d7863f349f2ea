package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.server.control.McpTool;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Custom headers from tool parameters: a property of a tool's inputSchema annotated
 * {@code "x-mcp-header": "Region"} travels in the {@code Mcp-Param-Region} header too, so that
 * intermediaries can route on it. The server checks that header and argument agree: a value in one
 * and not the other, or two different values, is refused with 400 and -32020 (HeaderMismatch).
 * Null or absent arguments have no header. Values that are not plain ASCII use the
 * {@code =?base64?...?=} form, which must be valid padded Base64 of UTF-8.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 */
final class ParamHeaders {

    private ParamHeaders() {
    }

    static void check(JsonRpcMessage.Request request, McpTool tool, UnaryOperator<String> header) {
        JsonObject schema = tool.definition().inputSchema();
        if (schema == null || !(schema.get("properties") instanceof JsonObject properties)) {
            return;
        }
        JsonObject arguments = request.params().get("arguments") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
        for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
            if (!(property.getValue() instanceof JsonObject definition)
                    || !(definition.get("x-mcp-header") instanceof JsonString name)) {
                continue;
            }
            String headerName = StatelessHeaders.PARAM_PREFIX + name.getString();
            String raw = header.apply(headerName);
            JsonValue argument = arguments.get(property.getKey());
            boolean absent = argument == null || argument.getValueType() == JsonValue.ValueType.NULL;
            if (absent && raw == null) {
                continue;
            }
            if (absent || raw == null || !matches(argument, StatelessHeaders.decode(raw))) {
                throw new Rejection(TransportErrors.json(400, new JsonRpcMessage.Error(request.id(),
                        new JsonRpcError(JsonRpcError.HEADER_MISMATCH, headerName + " must be present exactly when the argument \""
                                + property.getKey() + "\" is, and carry its value"))));
            }
        }
    }

    /** A string as is, a number by value (so 1 and 1.0 agree), a boolean as true or false. */
    private static boolean matches(JsonValue argument, String header) {
        if (header == null) {
            return false; // invalid Base64
        }
        return switch (argument.getValueType()) {
            case STRING -> ((JsonString) argument).getString().equals(header);
            case NUMBER -> {
                try {
                    yield ((JsonNumber) argument).bigDecimalValue().compareTo(new BigDecimal(header)) == 0;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case TRUE -> "true".equals(header);
            case FALSE -> "false".equals(header);
            default -> false; // objects and arrays are never mirrored
        };
    }
}
