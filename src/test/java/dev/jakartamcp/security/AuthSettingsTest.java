package dev.jakartamcp.security;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthSettingsTest {

    private static AuthSettings settings(String baseUrl, String scopes) {
        PublicUrl url = new PublicUrl();
        url.baseUrl = Optional.ofNullable(baseUrl);
        AuthSettings s = new AuthSettings();
        s.publicUrl = url;
        s.scopes = scopes;
        return s;
    }

    @Test
    void redirectAndLogoutUrisComeFromTheBaseUrlNeverFromTheRequest() {
        AuthSettings proxied = settings("https://mcp.example.com", "openid");
        assertEquals(URI.create("https://mcp.example.com/auth/callback"), proxied.redirectUri(8080));
        assertEquals(URI.create("https://mcp.example.com/"), proxied.postLogoutUri(8080));
        assertEquals(URI.create("http://localhost:18080/auth/callback"), settings(null, "openid").redirectUri(18080));
    }

    @Test
    void openidIsAlwaysAsked() {
        assertEquals("openid profile email", settings(null, "openid profile email").scopes());
        assertEquals("openid profile", settings(null, "profile").scopes());
        assertEquals("profile openid", settings(null, " profile openid ").scopes());
        assertEquals("openid", settings(null, "").scopes());
    }
}
