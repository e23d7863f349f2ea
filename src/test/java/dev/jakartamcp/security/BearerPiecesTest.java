package dev.jakartamcp.security;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.jakartamcp.mcp.server.control.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small pieces of the resource server: headers in, claims read, challenges out, who may do what. */
class BearerPiecesTest {

    @Test
    void theBearerSchemeIsCaseInsensitiveAndNeedsAToken() {
        assertEquals("abc.def.ghi", BearerToken.fromHeader("Bearer abc.def.ghi"));
        assertEquals("abc", BearerToken.fromHeader("bearer   abc "));
        assertNull(BearerToken.fromHeader("Basic dXNlcjpwYXNz"));
        assertNull(BearerToken.fromHeader("Bearer "));
        assertNull(BearerToken.fromHeader("Bearer"));
        assertNull(BearerToken.fromHeader(null));
    }

    @Test
    void rolesAreReadAtADottedPathAndScopesFromScopeOrScp() throws Exception {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("user-admin", 7, "user-viewer")),
                "roles", "user-viewer", "groups", Map.of("not", "a list"));
        assertEquals(Set.of("user-admin", "user-viewer"), ClaimPaths.strings(claims, "realm_access.roles"));
        assertEquals(Set.of("user-viewer"), ClaimPaths.strings(claims, "roles"));
        assertEquals(Set.of(), ClaimPaths.strings(claims, "groups"));
        assertEquals(Set.of(), ClaimPaths.strings(claims, "realm_access.roles.deeper"));
        assertEquals(Set.of(), ClaimPaths.strings(claims, "missing"));

        assertEquals(Set.of("users:read", "users:write"),
                ClaimPaths.scopes(new JWTClaimsSet.Builder().claim("scope", "users:read  users:write").build()));
        assertEquals(Set.of("users:read", "openid"),
                ClaimPaths.scopes(new JWTClaimsSet.Builder().claim("scp", List.of("users:read")).claim("scope", "openid").build()));
        assertEquals(Set.of(), ClaimPaths.scopes(new JWTClaimsSet.Builder().build()));
    }

    @Test
    void challengesCannotBeBrokenByWhatTheyQuote() {
        String challenge = BearerChallenge.invalidToken("https://mcp.example/.well-known/oauth-protected-resource/mcp",
                "JWT \"aud\" rejected\\\r\nX-Injected: yes");
        assertTrue(challenge.startsWith("Bearer error=\"invalid_token\", error_description=\""), challenge);
        assertFalse(challenge.contains("\r") || challenge.contains("\n"), challenge);
        assertEquals(6, challenge.chars().filter(c -> c == '"').count(), "only the header's own quotes: " + challenge);
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"users:read users:delete\", resource_metadata=\"m\"",
                BearerChallenge.insufficientScope("m", List.of("users:read", "users:delete")));
        assertTrue(BearerChallenge.clean("x".repeat(1000)).length() <= 200, "descriptions are bounded");
    }

    @Test
    void aSignedInCallerMayUseOnlyItsScopesAndAnAnonymousOneEverything() {
        Caller reader = Caller.signedIn("https://idp", "sub-1", "alice", Set.of("users:read"));
        assertEquals("sub-1@https://idp", reader.key());
        assertTrue(reader.mayUse("users:read"));
        assertTrue(reader.mayUse(null));
        assertFalse(reader.mayUse("users:delete"));
        assertEquals("alice (sub-1@https://idp)", reader.principal());

        Caller open = Caller.anonymous("127.0.0.1");
        assertTrue(open.mayUse("users:delete"), "identity off: no scope is required");
        assertNull(open.principal());
    }

    @Test
    void theServiceCredentialMatchesOnlyItself() {
        ServiceCredential one = new ServiceCredential();
        ServiceCredential other = new ServiceCredential();
        assertTrue(one.matches(one.value()));
        assertFalse(one.matches(other.value()));
        assertFalse(one.matches(null));
        assertFalse(one.matches(""));
        assertTrue(one.value().length() >= 43, "256 random bits");
    }
}
