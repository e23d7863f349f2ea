package dev.jakartamcp.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/chat", "/?tab=tools", "/conversations/abc?x=1#top", "/a%2Fb"})
    void localPathsAreKept(String path) {
        assertEquals(path, ReturnPath.localOrRoot(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
            "evil.example", "javascript:alert(1)", "/x\r\nSet-Cookie: a=b", "/x\ty", "/ x", "/\u0000",
            "/auth/login", "/auth/logout", "/auth/callback?code=1", "http:/x", "/x\\y"})
    void anythingElseBecomesTheRoot(String candidate) {
        assertEquals("/", ReturnPath.localOrRoot(candidate));
    }

    @org.junit.jupiter.api.Test
    void theRedirectStaysUnderTheBaseUrl() {
        java.net.URI base = java.net.URI.create("https://mcp.example.com/app/");
        assertEquals("https://mcp.example.com/app/javascript:alert(1)", ReturnPath.under(base, "/javascript:alert(1)").toString(),
                "a colon in the path is not a scheme");
        assertEquals("https://mcp.example.com/app/?tab=tools", ReturnPath.under(base, "/?tab=tools").toString());
        assertEquals("https://mcp.example.com/app/", ReturnPath.under(base, "//evil.example").toString());
        assertEquals("http://localhost:8080/chat", ReturnPath.under(java.net.URI.create("http://localhost:8080"), "/chat").toString());
    }

    @org.junit.jupiter.api.Test
    void nothingOrTooLongIsTheRoot() {
        assertEquals("/", ReturnPath.localOrRoot(null));
        assertEquals("/", ReturnPath.localOrRoot("/" + "a".repeat(3000)));
    }
}
