package dev.jakartamcp.mcp.client.auth;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthorizationResponseCheckTest {

    static final String AS = "https://as.example.com";

    static URI redirect(String query) {
        return URI.create("http://127.0.0.1:33418/callback?" + query);
    }

    @Test
    void matchingStateAndIssuerGiveTheCode() {
        assertEquals("c1", AuthorizationResponseCheck.code(redirect("code=c1&state=s1&iss=https%3A%2F%2Fas.example.com"), "s1", AS, true));
    }

    @Test
    void noIssWhenNotAdvertisedIsAccepted() {
        assertEquals("c1", AuthorizationResponseCheck.code(redirect("code=c1&state=s1"), "s1", AS, false));
    }

    @Test
    void aForeignStateIsRefused() {
        assertThrows(AuthorizationException.class, () -> AuthorizationResponseCheck.code(redirect("code=c1&state=other"), "s1", AS, false));
        assertThrows(AuthorizationException.class, () -> AuthorizationResponseCheck.code(redirect("code=c1"), "s1", AS, false));
    }

    @Test
    void issIsRequiredWhenAdvertised() {
        assertThrows(AuthorizationException.class, () -> AuthorizationResponseCheck.code(redirect("code=c1&state=s1"), "s1", AS, true));
    }

    @Test
    void anotherIssuerIsRefusedAdvertisedOrNot() {
        assertThrows(AuthorizationException.class, () -> AuthorizationResponseCheck.code(
                redirect("code=c1&state=s1&iss=https%3A%2F%2Fevil.example.com"), "s1", AS, true));
        assertThrows(AuthorizationException.class, () -> AuthorizationResponseCheck.code(
                redirect("code=c1&state=s1&iss=https%3A%2F%2Fevil.example.com"), "s1", AS, false));
    }

    @Test
    void issIsComparedWithoutNormalisation() {
        assertThrows(AuthorizationException.class, () -> AuthorizationResponseCheck.code(
                redirect("code=c1&state=s1&iss=https%3A%2F%2Fas.example.com%2F"), "s1", AS, true));
    }

    @Test
    void anErrorResponseIsReported() {
        assertThrows(AuthorizationException.class, () -> AuthorizationResponseCheck.code(redirect("error=access_denied&state=s1"), "s1", AS, false));
    }
}
