package dev.jakartamcp.security;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameOriginTest {

    static final URI BASE = URI.create("http://localhost:18080/");
    static final Predicate<String> OURS = origin -> SameOrigin.same(BASE, origin);

    @Test
    void ourOwnPageMaySignOut() {
        assertTrue(SameOrigin.fromOurPage("same-origin", "http://localhost:18080", OURS));
        assertTrue(SameOrigin.fromOurPage(null, "http://localhost:18080", OURS), "an older browser: Origin only");
        assertTrue(SameOrigin.fromOurPage("same-origin", null, OURS));
    }

    @Test
    void anotherPageMayNot() {
        assertFalse(SameOrigin.fromOurPage("cross-site", "http://evil.example", OURS));
        assertFalse(SameOrigin.fromOurPage("same-site", "http://app.localhost:18080", OURS), "a sibling host is not us");
        assertFalse(SameOrigin.fromOurPage("same-origin", "http://evil.example", OURS), "headers that disagree");
        assertFalse(SameOrigin.fromOurPage(null, "http://evil.example", OURS));
        assertFalse(SameOrigin.fromOurPage(null, "null", OURS), "a sandboxed page");
        assertFalse(SameOrigin.fromOurPage(null, null, OURS), "neither header: not a page we can vouch for");
        assertFalse(SameOrigin.fromOurPage("none", null, OURS));
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        assertTrue(SameOrigin.same(URI.create("https://mcp.example.com/"), "https://MCP.example.com:443"));
        assertFalse(SameOrigin.same(URI.create("https://mcp.example.com/"), "http://mcp.example.com"));
        assertFalse(SameOrigin.same(BASE, "http://localhost:18081"));
        assertFalse(SameOrigin.same(BASE, "not a uri at all"));
    }
}
