package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** x-mcp-header rules, header value encoding, and the bounded list cache. */
class ToolHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"properties\":{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"object\",\"x-mcp-header\":\"V\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"array\",\"x-mcp-header\":\"V\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"null\",\"x-mcp-header\":\"V\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"number\",\"x-mcp-header\":\"V\"}}}",
            "{\"properties\":{\"v\":{\"x-mcp-header\":\"V\"}}}",
            "{\"properties\":{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"MyField\"},\"b\":{\"type\":\"string\",\"x-mcp-header\":\"myfield\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"My Region\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"Region:Primary\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"Régión\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"Region\\t1\"}}}",
            "{\"properties\":{\"v\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"x-mcp-header\":\"V\"}}}}",
            "{\"properties\":{\"v\":{\"anyOf\":[{\"type\":\"string\",\"x-mcp-header\":\"V\"}]}}}",
            "{\"$defs\":{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"V\"}}}",
            "{\"type\":\"string\",\"x-mcp-header\":\"Root\"}"})
    void invalidAnnotationsRefuseTheTool(String schema) {
        assertThrows(ToolHeaders.InvalidException.class, () -> ToolHeaders.read(JsonCodec.parseObject(schema)));
    }

    @Test
    void nestedPropertiesAreReachableAndValuesBecomeHeaders() throws Exception {
        ToolHeaders headers = ToolHeaders.read(JsonCodec.parseObject("{\"type\":\"object\",\"properties\":{"
                + "\"where\":{\"type\":\"object\",\"properties\":{\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"}}},"
                + "\"n\":{\"type\":\"integer\",\"x-mcp-header\":\"N\"},\"big\":{\"type\":\"integer\",\"x-mcp-header\":\"Big\"},"
                + "\"flag\":{\"type\":\"boolean\",\"x-mcp-header\":\"Flag\"},\"nothing\":{\"type\":\"string\",\"x-mcp-header\":\"Nothing\"}}}"));
        Map<String, String> out = headers.headers(JsonCodec.parseObject(
                "{\"where\":{\"region\":\"eu-1\"},\"n\":-7,\"big\":9007199254740993,\"flag\":true,\"nothing\":null}"));
        assertEquals(Map.of("Mcp-Param-Region", "eu-1", "Mcp-Param-N", "-7", "Mcp-Param-Flag", "true"), out,
                "null sends nothing, and neither does an integer beyond 2^53-1");
    }

    @Test
    void valuesThatAreNotPlainAsciiAreBase64Encoded() {
        assertEquals("us-west1", HeaderValue.encode("us-west1"));
        assertEquals("a b", HeaderValue.encode("a b"));
        assertEquals("=?base64?SGVsbG8sIOS4lueVjA==?=", HeaderValue.encode("Hello, 世界"));
        assertEquals("=?base64?IHBhZGRlZCA=?=", HeaderValue.encode(" padded "));
        assertEquals("=?base64?bGluZTEKbGluZTI=?=", HeaderValue.encode("line1\nline2"));
        assertEquals("=?base64?CXRhYg==?=", HeaderValue.encode("\ttab"));
        assertEquals("=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=", HeaderValue.encode("=?base64?literal?="));
    }

    @Test
    void theListCacheHonoursTtlScopeAndItsBounds() {
        AtomicLong now = new AtomicLong();
        ListCache cache = new ListCache(Duration.ofSeconds(10), now::get);
        cache.put("tools/list", "alice", false, 60_000, List.of("t"));
        assertEquals(List.of("t"), cache.get("tools/list", "alice"));
        assertNull(cache.get("tools/list", "bob"), "a private list is not shared across tokens");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertNull(cache.get("tools/list", "alice"), "capped at the client's 10 s, whatever ttlMs said");
        cache.put("prompts/list", "alice", true, 5_000, List.of("p"));
        assertEquals(List.of("p"), cache.get("prompts/list", "bob"), "a public list is");
        cache.invalidate("prompts/list");
        assertNull(cache.get("prompts/list", "bob"));
        cache.put("tools/list", null, false, 0, List.of("x"));
        cache.put("tools/list", null, false, -5, List.of("x"));
        assertNull(cache.get("tools/list", null), "ttl 0 and negative ones are not kept");
        for (int i = 0; i <= ListCache.MAX_ENTRIES; i++) {
            cache.put("tools/list", "token" + i, false, 5_000, List.of(i));
        }
        assertEquals(List.of(ListCache.MAX_ENTRIES), cache.get("tools/list", "token" + ListCache.MAX_ENTRIES));
        assertNull(cache.get("tools/list", "token0"), "full: the old entries were dropped");
    }
}
