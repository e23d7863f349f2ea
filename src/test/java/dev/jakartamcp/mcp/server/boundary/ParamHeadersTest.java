package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpTool;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** x-mcp-header: Mcp-Param-* headers must agree with the arguments they mirror. */
class ParamHeadersTest {

    private final McpTool tool = new McpTool() {
        @Override
        public ToolDefinition definition() {
            return new ToolDefinition("t", null, "d", JsonCodec.parseObject("""
                    {"type":"object","properties":{
                      "region":{"type":"string","x-mcp-header":"Region"},
                      "priority":{"type":"integer","x-mcp-header":"Priority"},
                      "verbose":{"type":"boolean","x-mcp-header":"Verbose"},
                      "query":{"type":"string"}}}"""), null, null);
        }

        @Override
        public CallToolResult call(JsonObject arguments, CallContext context) {
            return CallToolResult.text("");
        }
    };

    @Test
    void matchingHeadersPass() {
        accepted("{\"region\":\"eu\",\"priority\":3,\"query\":\"q\"}", Map.of("Mcp-Param-Region", " eu ", "Mcp-Param-Priority", "3"));
        accepted("{\"region\":\"eu\",\"priority\":3.0,\"verbose\":true}",
                Map.of("Mcp-Param-Region", "eu", "Mcp-Param-Priority", "3", "Mcp-Param-Verbose", "true"));
        accepted("{\"verbose\":null}", Map.of());
    }

    @Test
    void nonAsciiTravelsAsBase64() {
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("Zürich".getBytes(StandardCharsets.UTF_8)) + "?=";
        accepted("{\"region\":\"Zürich\"}", Map.of("Mcp-Param-Region", encoded));
        // without the whole sentinel the value is literal
        accepted("{\"region\":\"=?base64?SGVsbG8=\"}", Map.of("Mcp-Param-Region", "=?base64?SGVsbG8="));
    }

    @Test
    void mismatchesAre400HeaderMismatch() {
        refused("{\"region\":\"eu\"}", Map.of());
        refused("{}", Map.of("Mcp-Param-Region", "eu"));
        refused("{\"region\":\"eu\"}", Map.of("Mcp-Param-Region", "us"));
        refused("{\"priority\":3}", Map.of("Mcp-Param-Priority", "three"));
        refused("{\"verbose\":false}", Map.of("Mcp-Param-Verbose", "true"));
        refused("{\"region\":\"Hello\"}", Map.of("Mcp-Param-Region", "=?base64?SGVsbG8?=")); // padding missing
        refused("{\"region\":\"Hello\"}", Map.of("Mcp-Param-Region", "=?base64?SGVs!!!bG8=?="));
    }

    private void accepted(String arguments, Map<String, String> headers) {
        assertDoesNotThrow(() -> ParamHeaders.check(request(arguments), tool, header(headers)));
    }

    private void refused(String arguments, Map<String, String> headers) {
        Rejection r = assertThrows(Rejection.class, () -> ParamHeaders.check(request(arguments), tool, header(headers)));
        assertEquals(400, r.answer().status());
        assertEquals(-32020, JsonCodec.parseObject(new String(r.answer().json(), StandardCharsets.UTF_8))
                .getJsonObject("error").getInt("code"));
    }

    private static JsonRpcMessage.Request request(String arguments) {
        return new JsonRpcMessage.Request(JsonCodec.number(1), "tools/call",
                JsonCodec.object().add("name", "t").add("arguments", JsonCodec.parseObject(arguments)).build());
    }

    /** Header names are case-insensitive, as the servlet API gives them. */
    private static java.util.function.UnaryOperator<String> header(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(), v));
        return name -> lower.get(name.toLowerCase());
    }
}
