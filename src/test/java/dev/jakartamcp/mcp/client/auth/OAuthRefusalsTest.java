package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.jakartamcp.mcp.client.McpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refusals of issue 12, end to end through McpClient against small local MCP servers and
 * authorization servers: metadata that leads to an issuer whose own metadata names another, a
 * redirect whose iss is not the issuer's, resource metadata for another resource; and no token ever
 * reaches a server it was not obtained for (each server records every Authorization header it gets).
 */
class OAuthRefusalsTest {

    final List<OAuthSite> sites = new ArrayList<>();
    final List<URI> authorizations = new CopyOnWriteArrayList<>();

    OAuthSite site(String name) throws IOException {
        OAuthSite s = new OAuthSite(name);
        sites.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        sites.forEach(OAuthSite::close);
    }

    /** The person approves at once; {@code iss} decides which issuer the redirect claims. */
    AuthorizationCallback approve(Function<URI, String> iss) {
        return url -> {
            authorizations.add(url);
            Map<String, List<String>> q = URLUtils.parseParameters(url.getRawQuery());
            return URI.create("http://127.0.0.1:33418/callback?" + URLUtils.serializeParameters(Map.of(
                    "code", List.of("c"), "state", q.get("state"), "iss", List.of(iss.apply(url)))));
        };
    }

    /** The issuer a real authorization server would put in iss: the origin of its authorization endpoint. */
    static String honestIss(URI authorizationUrl) {
        return "http://" + authorizationUrl.getHost() + ":" + authorizationUrl.getPort();
    }

    McpClient connect(String url, TokenStore store, AuthorizationCallback callback) {
        OAuthClient oauth = OAuthClient.builder(url).tokenStore(store)
                .authorization(callback, URI.create("http://127.0.0.1:33418/callback")).client("cli", null).build();
        return McpClient.builder(url).protocol("2025-11-25").requestTimeout(Duration.ofSeconds(10)).authorization(oauth).connect();
    }

    @Test
    void tokensNeverReachAnotherServerEvenWithOneStoreForBoth() throws Exception {
        OAuthSite a = site("a");
        OAuthSite b = site("b");
        TokenStore shared = new InMemoryTokenStore();
        try (McpClient toA = connect(a.mcpUrl(), shared, approve(OAuthRefusalsTest::honestIss));
             McpClient toB = connect(b.mcpUrl(), shared, approve(OAuthRefusalsTest::honestIss))) {
            toA.listTools();
            toB.listTools();
            toA.listTools();
        }
        assertEquals(2, authorizations.size(), "one authorization at each server");
        assertTrue(a.authorizationHeaders.contains("Bearer " + a.token(1)), a.authorizationHeaders.toString());
        assertTrue(b.authorizationHeaders.contains("Bearer " + b.token(1)), b.authorizationHeaders.toString());
        assertTrue(a.authorizationHeaders.stream().noneMatch(h -> h.contains("token-of-b")), "a got b's token: " + a.authorizationHeaders);
        assertTrue(b.authorizationHeaders.stream().noneMatch(h -> h.contains("token-of-a")), "b got a's token: " + b.authorizationHeaders);
        // each token was asked for its own resource (RFC 8707)
        assertEquals(List.of(a.mcpUrl()), a.tokenRequests.get(0).get("resource"));
        assertEquals(List.of(b.mcpUrl()), b.tokenRequests.get(0).get("resource"));
    }

    @Test
    void aServerClaimingAnotherServersResourceGetsNeitherItsTokenNorAnAuthorization() throws Exception {
        OAuthSite a = site("a");
        OAuthSite evil = site("evil");
        TokenStore shared = new InMemoryTokenStore();
        try (McpClient toA = connect(a.mcpUrl(), shared, approve(OAuthRefusalsTest::honestIss))) {
            toA.listTools();
        }
        // evil's metadata says it is a's resource, at a's authorization server: a token for a would be sent to evil
        evil.prmResource = a.mcpUrl();
        evil.prmIssuer = a.base;
        AuthorizationException e = assertThrows(AuthorizationException.class,
                () -> connect(evil.mcpUrl(), shared, approve(OAuthRefusalsTest::honestIss)).close());
        assertEquals("the protected resource metadata describes " + a.mcpUrl() + ", not " + evil.mcpUrl() + ": refused", e.getMessage());
        assertEquals(1, authorizations.size(), "no authorization was started for evil");
        assertTrue(evil.authorizationHeaders.stream().allMatch("(none)"::equals), "evil saw a token: " + evil.authorizationHeaders);
    }

    @Test
    void metadataLeadingToAnIssuerWhoseMetadataNamesAnotherIsRefused() throws Exception {
        OAuthSite mcp = site("mcp");
        OAuthSite other = site("other");
        mcp.prmIssuer = other.base;               // the resource names other's origin as its authorization server
        other.asIssuer = "https://login.example.com"; // whose metadata says it is someone else
        AuthorizationException e = assertThrows(AuthorizationException.class,
                () -> connect(mcp.mcpUrl(), new InMemoryTokenStore(), approve(OAuthRefusalsTest::honestIss)).close());
        assertEquals("the authorization server metadata at " + other.base + "/.well-known/oauth-authorization-server names issuer "
                + "https://login.example.com, not " + other.base + ": refused", e.getMessage());
        assertTrue(authorizations.isEmpty(), "nobody was sent to that authorization server");
        assertTrue(other.tokenRequests.isEmpty() && mcp.tokenRequests.isEmpty());
        assertTrue(mcp.authorizationHeaders.stream().allMatch("(none)"::equals), mcp.authorizationHeaders.toString());
    }

    @Test
    void aRedirectWithAnotherIssuersIssIsRefusedAndItsCodeNeverUsed() throws Exception {
        OAuthSite mcp = site("mcp");
        AuthorizationException e = assertThrows(AuthorizationException.class,
                () -> connect(mcp.mcpUrl(), new InMemoryTokenStore(), approve(url -> "https://attacker.example")).close());
        assertEquals("the authorization response comes from issuer https://attacker.example, not " + mcp.base + ": refused",
                e.getMessage());
        assertEquals(1, authorizations.size());
        assertTrue(mcp.tokenRequests.isEmpty(), "the code was not exchanged");
        assertTrue(mcp.authorizationHeaders.stream().allMatch("(none)"::equals), mcp.authorizationHeaders.toString());
    }

    @Test
    void aStoredTokenIsNotSentUntilItsServerAsksForItAndThenOnlyThere() throws Exception {
        OAuthSite a = site("a");
        OAuthSite b = site("b");
        TokenStore shared = new InMemoryTokenStore();
        // a token for a held from an earlier run: b asks for a token too, and must not get a's
        shared.put(new StoredToken(a.base, a.mcpUrl(), a.token(99), null, null, "read"));
        try (McpClient toB = connect(b.mcpUrl(), shared, approve(OAuthRefusalsTest::honestIss))) {
            toB.listTools();
        }
        try (McpClient toA = connect(a.mcpUrl(), shared, url -> {
            throw new AssertionError("a's stored token should have been used, not a new authorization");
        })) {
            toA.listTools();
        }
        assertFalse(b.authorizationHeaders.stream().anyMatch(h -> h.contains("token-of-a")), b.authorizationHeaders.toString());
        assertTrue(a.authorizationHeaders.contains("Bearer " + a.token(99)), a.authorizationHeaders.toString());
        assertTrue(a.tokenRequests.isEmpty(), "no new token for a");
    }
}
