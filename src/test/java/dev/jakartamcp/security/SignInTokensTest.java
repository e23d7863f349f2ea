package dev.jakartamcp.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A refresh answered without a new ID token (allowed by OpenID Connect Core 1.0, section 12.2). */
class SignInTokensTest {

    static final Instant NEW_EXPIRY = Instant.parse("2026-01-01T12:05:00Z");

    private static SignInTokens tokens() {
        AuthSettings settings = new AuthSettings();
        settings.rolesClaim = "realm_access.roles";
        SignInTokens tokens = new SignInTokens();
        tokens.settings = settings;
        return tokens;
    }

    private static String jwt(List<String> roles, Instant exp) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("a1b2").claim("realm_access", Map.of("roles", roles));
        if (exp != null) {
            claims.expirationTime(Date.from(exp));
        }
        return new PlainJWT(claims.build()).serialize();
    }

    @Test
    void theNewAccessTokensRolesCountAndARoleTakenAwayGoes() throws Exception {
        SignedInPerson before = new SignedInPerson("https://idp", "a1b2", "alice", Set.of("user-admin"), "old",
                Instant.parse("2026-01-01T12:00:00Z"), "refresh-1", jwt(List.of(), null));
        Tokens answer = new Tokens(new BearerAccessToken(jwt(List.of("user-viewer"), NEW_EXPIRY), 300, null), new RefreshToken("refresh-2"));
        SignedInPerson after = tokens().refreshed(before, answer, null);
        assertEquals(Set.of("user-viewer"), after.roles(), "user-admin came from the old access token only");
        assertEquals(NEW_EXPIRY, after.accessTokenExpiresAt(), "the JWT's exp");
        assertEquals("refresh-2", after.refreshToken(), "a rotated refresh token replaces the old one");
        assertEquals(before.idToken(), after.idToken());
        assertEquals(before.key(), after.key());
    }

    @Test
    void withoutANewRefreshTokenTheOldOneStaysAndAnOpaqueTokenExpiresByExpiresIn() throws Exception {
        SignedInPerson before = new SignedInPerson("https://idp", "a1b2", "alice", Set.of(), "old", Instant.EPOCH, "refresh-1",
                jwt(List.of("user-viewer"), null));
        Instant start = Instant.now();
        SignedInPerson after = tokens().refreshed(before, new Tokens(new BearerAccessToken("opaque", 120, null), null), null);
        assertEquals("refresh-1", after.refreshToken());
        assertEquals(Set.of("user-viewer"), after.roles(), "from the ID token");
        long lifetime = after.accessTokenExpiresAt().getEpochSecond() - start.getEpochSecond();
        assertEquals(120, lifetime, 2);
    }
}
