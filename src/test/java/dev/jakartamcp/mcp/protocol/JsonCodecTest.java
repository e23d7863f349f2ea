package dev.jakartamcp.mcp.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCodecTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deepNestingIsRefusedAsMalformedBeforeParsing() {
        var e = assertThrows(JsonCodec.MalformedJsonException.class, () -> JsonCodec.parse(utf8("[".repeat(5000))));
        assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
        assertThrows(JsonCodec.MalformedJsonException.class, () -> JsonCodec.parse(utf8("{\"a\":".repeat(100) + "1" + "}".repeat(100))));
        assertEquals(64, JsonCodec.parse(utf8("[".repeat(64) + "]".repeat(64)), 64).toString().length() / 2);
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String text = "{\"a\":\"" + "[".repeat(1000) + "\\\"{\"}";
        assertEquals("[".repeat(1000) + "\"{", JsonCodec.parseObject(text).getString("a"));
    }
}
