package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The 2026-07-28 envelope and header rules, in the order they are checked. */
class StatelessRequestTest {

    private static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    @Test
    void aCompleteRequestPasses() {
        StatelessRequest valid = StatelessRequest.validate(call("get_user_by_id", META), headers("tools/call", "get_user_by_id"));
        assertEquals("2026-07-28", valid.meta().protocolVersion());
        assertNull(valid.meta().logLevel());
    }

    @Test
    void missingEnvelopeFieldsAreInvalidParams() {
        assertRefused(400, -32602, call("x", "{\"io.modelcontextprotocol/clientCapabilities\":{}}"), headers("tools/call", "x"));
        assertRefused(400, -32602, call("x", "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}"), headers("tools/call", "x"));
        assertRefused(400, -32602, call("x", "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":[]}"), headers("tools/call", "x"));
        assertRefused(400, -32602, call("x", "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/logLevel\":\"loud\"}"),
                headers("tools/call", "x"));
    }

    @Test
    void theVersionHeaderMustEqualTheEnvelope() {
        Map<String, String> h = headersMap("tools/call", "x");
        h.put("MCP-Protocol-Version", "2025-11-25");
        assertRefused(400, -32020, call("x", META), h::get);
        h.remove("MCP-Protocol-Version");
        assertRefused(400, -32020, call("x", META), h::get);
    }

    @Test
    void anUnsupportedVersionListsTheSupportedOnes() {
        Map<String, String> h = headersMap("tools/call", "x");
        h.put("MCP-Protocol-Version", "2099-01-01");
        JsonObject error = assertRefused(400, -32022, call("x", META.replace("2026-07-28", "2099-01-01")), h::get);
        assertEquals("2099-01-01", error.getJsonObject("data").getString("requested"));
        assertEquals("2026-07-28", error.getJsonObject("data").getJsonArray("supported").getString(0));
    }

    @Test
    void mcpMethodIsRequiredAndMustMatch() {
        assertRefused(400, -32020, call("x", META), headers(null, "x"));
        assertRefused(400, -32020, call("x", META), headers("tools/list", "x"));
    }

    @Test
    void mcpNameIsRequiredAndMustMatchForNamedMethods() {
        assertRefused(400, -32020, call("x", META), headers("tools/call", null));
        assertRefused(400, -32020, call("x", META), headers("tools/call", "y"));
        JsonRpcMessage.Request read = request("resources/read", "{\"uri\":\"users://1\",\"_meta\":" + META + "}");
        StatelessRequest.validate(read, headers("resources/read", "users://1"));
        assertRefused(400, -32020, read, headers("resources/read", "users://2"));
        JsonRpcMessage.Request prompt = request("prompts/get", "{\"name\":\"p\",\"_meta\":" + META + "}");
        assertRefused(400, -32020, prompt, headers("prompts/get", null));
        // methods that name nothing need no Mcp-Name
        StatelessRequest.validate(request("tools/list", "{\"_meta\":" + META + "}"), headers("tools/list", null));
    }

    @Test
    void aNonAsciiNameTravelsAsBase64() {
        String name = "lösche_nutzer_🗑";
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
        StatelessRequest.validate(call(name, META), headers("tools/call", encoded));
        assertRefused(400, -32020, call(name, META), headers("tools/call", "=?base64?not base64!?="));
    }

    @Test
    void base64FormDecodes() {
        assertEquals("tools/call", StatelessHeaders.decode("=?base64?dG9vbHMvY2FsbA==?="));
        assertEquals("tools/call", StatelessHeaders.decode("=?BASE64?dG9vbHMvY2FsbA==?="));
        assertEquals("plain", StatelessHeaders.decode("plain"));
        assertEquals("=?base64?", StatelessHeaders.decode("=?base64?"));
        assertNull(StatelessHeaders.decode("=?base64?%%%?="));
        // not UTF-8
        assertNull(StatelessHeaders.decode("=?base64?" + Base64.getEncoder().encodeToString(new byte[]{(byte) 0xC3, 0x28}) + "?="));
        assertNull(StatelessHeaders.decode(null));
    }

    @Test
    void theRefusalCarriesTheRequestId() {
        Rejection r = assertThrows(Rejection.class,
                () -> StatelessRequest.validate(call("x", META), headers(null, "x")));
        JsonObject body = JsonCodec.parse(r.answer().json()).asJsonObject();
        assertEquals(7, body.getInt("id"));
    }

    private static JsonObject assertRefused(int status, int code, JsonRpcMessage.Request request,
                                            java.util.function.UnaryOperator<String> headers) {
        Rejection r = assertThrows(Rejection.class, () -> StatelessRequest.validate(request, headers));
        assertEquals(status, r.answer().status());
        JsonObject error = JsonCodec.parse(r.answer().json()).asJsonObject().getJsonObject("error");
        assertEquals(code, error.getInt("code"), error.toString());
        return error;
    }

    private static java.util.function.UnaryOperator<String> headers(String method, String name) {
        return headersMap(method, name)::get;
    }

    private static Map<String, String> headersMap(String method, String name) {
        Map<String, String> h = new HashMap<>();
        h.put("MCP-Protocol-Version", "2026-07-28");
        if (method != null) h.put("Mcp-Method", method);
        if (name != null) h.put("Mcp-Name", name);
        return h;
    }

    private static JsonRpcMessage.Request call(String tool, String meta) {
        return request("tools/call", "{\"name\":" + JsonCodec.string(tool) + ",\"arguments\":{},\"_meta\":" + meta + "}");
    }

    private static JsonRpcMessage.Request request(String method, String params) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
        return (JsonRpcMessage.Request) JsonRpcCodec.decode(JsonCodec.parse(body.getBytes(StandardCharsets.UTF_8)));
    }
}
