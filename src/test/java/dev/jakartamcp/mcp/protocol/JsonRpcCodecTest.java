package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonRpcCodecTest {

    private static JsonRpcMessage decode(String json) {
        return JsonRpcCodec.decode(JsonCodec.parse(json));
    }

    private static JsonRpcMessage.Error rejection(String json) {
        return assertThrows(JsonRpcCodec.InvalidMessageException.class, () -> decode(json)).toError();
    }

    @Test
    void readsRequestsNotificationsAndResponses() {
        var request = assertInstanceOf(JsonRpcMessage.Request.class, decode("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"ping\"}"));
        assertEquals("\"x\"", request.id().toString());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, request.params());
        assertInstanceOf(JsonRpcMessage.Notification.class, decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertInstanceOf(JsonRpcMessage.Result.class, decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"));
        var error = assertInstanceOf(JsonRpcMessage.Error.class, decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":\"m\"}}"));
        assertEquals(-1, error.error().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":true}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}",
            "[]",
            "3"})
    void invalidMessagesAre32600(String json) {
        assertEquals(JsonRpcError.INVALID_REQUEST, rejection(json).error().code());
    }

    @Test
    void theIdIsKeptInTheRejectionWhenReadable() {
        assertEquals("7", rejection("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}").id().toString());
        assertEquals(JsonValue.NULL, rejection("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}").id());
    }

    @Test
    void paramsMustBeAnObject() {
        var error = rejection("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":[1]}");
        assertEquals(JsonRpcError.INVALID_PARAMS, error.error().code());
        assertEquals("4", error.id().toString());
    }

    @Test
    void malformedJsonIsDetected() {
        assertThrows(JsonCodec.MalformedJsonException.class, () -> JsonCodec.parse("{\"a\":"));
        assertThrows(JsonCodec.MalformedJsonException.class, () -> JsonCodec.parse(""));
        assertThrows(JsonCodec.MalformedJsonException.class, () -> JsonCodec.parse("{} {}"));
    }

    @Test
    void encodesExactlyTheEnvelope() {
        var id = JsonCodec.parse("12345678901234567890");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":12345678901234567890,\"result\":{}}",
                JsonCodec.write(JsonRpcCodec.encode(new JsonRpcMessage.Result(id, JsonValue.EMPTY_JSON_OBJECT))));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}",
                JsonCodec.write(JsonRpcCodec.encode(new JsonRpcMessage.Error(JsonValue.NULL, new JsonRpcError(-32700, "bad")))));
    }
}
