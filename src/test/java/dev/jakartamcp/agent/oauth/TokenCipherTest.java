package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.mcp.client.auth.StoredToken;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String ALICE = SealedTokens.binding("alice@issuer", "https://as.example", "https://notes.example/mcp");
    static final String BOB = SealedTokens.binding("bob@issuer", "https://as.example", "https://notes.example/mcp");

    @Test
    void aSealedTokenIsNotPlainTextAndOpensOnlyForItsBindingAndKey() {
        TokenCipher cipher = TokenCipher.fromBase64(KEY);
        String sealed = cipher.seal(ALICE, "{\"access_token\":\"secret-access-token\"}");
        assertFalse(sealed.contains("secret-access-token"));
        assertEquals(5, sealed.split("\\.", -1).length, "JWE compact serialization");
        assertEquals("", sealed.split("\\.", -1)[1], "dir: no encrypted key");
        assertEquals(Optional.of("{\"access_token\":\"secret-access-token\"}"), cipher.open(ALICE, sealed));
        assertEquals(Optional.empty(), cipher.open(BOB, sealed), "moved to bob's row it does not open");
        assertEquals(Optional.empty(), TokenCipher.fromBase64(KEY).open(ALICE, sealed.substring(0, sealed.length() - 2) + "AA"),
                "a damaged tag does not open");
        assertEquals(Optional.empty(), TokenCipher.random().open(ALICE, sealed), "another key does not open it");
        assertEquals(Optional.empty(), cipher.open(ALICE, "not a jwe"));
    }

    @Test
    void aKeyIsBase64Of256Bits() {
        assertThrows(IllegalArgumentException.class, () -> TokenCipher.fromBase64("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> TokenCipher.fromBase64("%%% not base64"));
        assertFalse(TokenCipher.fromBase64(KEY).ephemeral());
        assertTrue(TokenCipher.random().ephemeral());
    }

    @Test
    void aTokenSurvivesTheTripThroughJson() {
        StoredToken token = new StoredToken("https://as.example", "https://notes.example/mcp", "at", "rt",
                Instant.parse("2026-11-25T03:00:00Z"), "notes:read");
        assertEquals(token, SealedTokens.fromJson(token.issuer(), token.resource(), SealedTokens.toJson(token)));
        StoredToken bare = new StoredToken("https://as.example", "https://notes.example/mcp", "at", null, null, null);
        assertEquals(bare, SealedTokens.fromJson(bare.issuer(), bare.resource(), SealedTokens.toJson(bare)));
    }
}
