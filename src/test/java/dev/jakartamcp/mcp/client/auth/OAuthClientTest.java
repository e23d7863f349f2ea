package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OAuth client against a small in-process authorization server and resource metadata. */
class OAuthClientTest {

    HttpServer server;
    String base;
    volatile int expiresIn = 3600;
    final List<Map<String, List<String>>> authorizeRequests = new ArrayList<>();
    final List<Map<String, List<String>>> tokenRequests = new ArrayList<>();
    final AtomicInteger tokens = new AtomicInteger();
    final AtomicInteger registrations = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/oauth-protected-resource/mcp", x -> json(x, 200,
                "{\"resource\":\"" + base + "/mcp\",\"authorization_servers\":[\"" + base + "\"]}"));
        server.createContext("/.well-known/oauth-protected-resource/other", x -> json(x, 200,
                "{\"resource\":\"" + base + "/other\",\"authorization_servers\":[\"" + base + "\"]}"));
        server.createContext("/.well-known/oauth-authorization-server", x -> json(x, 200, "{\"issuer\":\"" + base + "\","
                + "\"authorization_endpoint\":\"" + base + "/authorize\",\"token_endpoint\":\"" + base + "/token\","
                + "\"registration_endpoint\":\"" + base + "/register\",\"response_types_supported\":[\"code\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"],\"token_endpoint_auth_methods_supported\":[\"none\"],"
                + "\"authorization_response_iss_parameter_supported\":true}"));
        server.createContext("/register", x -> {
            registrations.incrementAndGet();
            json(x, 201, "{\"client_id\":\"c1\",\"redirect_uris\":[\"http://127.0.0.1:33418/callback\"]}");
        });
        server.createContext("/token", x -> {
            tokenRequests.add(URLUtils.parseParameters(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int n = tokens.incrementAndGet();
            json(x, 200, "{\"access_token\":\"tok-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                    + ",\"refresh_token\":\"r-" + n + "\"}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    /** The person says yes at once: the redirect carries a code, the request's state, and the issuer. */
    URI approve(URI authorizationUrl) {
        Map<String, List<String>> q = URLUtils.parseParameters(authorizationUrl.getRawQuery());
        authorizeRequests.add(q);
        return URI.create("http://127.0.0.1:33418/callback?code=code-" + authorizeRequests.size() + "&state="
                + URLUtils.serializeParameters(Map.of("s", q.get("state"))).substring(2) + "&iss=" + URLUtils.serializeParameters(
                Map.of("i", List.of(base))).substring(2));
    }

    OAuthClient client(String path, TokenStore store) {
        return OAuthClient.builder(base + path).tokenStore(store)
                .authorization(this::approve, URI.create("http://127.0.0.1:33418/callback")).build();
    }

    String challenge(String path, String scope) {
        return "Bearer resource_metadata=\"" + base + "/.well-known/oauth-protected-resource" + path + "\""
                + (scope == null ? "" : ", scope=\"" + scope + "\"");
    }

    @Test
    void authorizationCodeWithPkceAndTheResourceOnBothRequests() {
        OAuthClient oauth = client("/mcp", new InMemoryTokenStore());
        assertNull(oauth.accessToken());
        assertTrue(oauth.challenged(401, challenge("/mcp", "s1"), null));
        assertEquals("tok-1", oauth.accessToken());

        Map<String, List<String>> authorize = authorizeRequests.get(0);
        Map<String, List<String>> token = tokenRequests.get(0);
        assertEquals(List.of("S256"), authorize.get("code_challenge_method"));
        String verifier = token.get("code_verifier").get(0);
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue(),
                authorize.get("code_challenge").get(0));
        assertEquals(List.of(base + "/mcp"), authorize.get("resource"));
        assertEquals(List.of(base + "/mcp"), token.get("resource"));
        assertEquals(List.of("s1"), authorize.get("scope"));
        assertEquals(List.of("c1"), authorize.get("client_id"));
        assertEquals(List.of("authorization_code"), token.get("grant_type"));
    }

    @Test
    void aTokenIsNeverGivenToAnotherResource() {
        TokenStore shared = new InMemoryTokenStore();
        OAuthClient mcp = client("/mcp", shared);
        OAuthClient other = client("/other", shared);
        mcp.challenged(401, challenge("/mcp", null), null);
        assertEquals("tok-1", mcp.accessToken());
        assertNull(other.accessToken());
        assertTrue(shared.get(base, base + "/other").isEmpty());
        other.challenged(401, challenge("/other", null), null);
        assertEquals("tok-2", other.accessToken());
        assertEquals("tok-1", mcp.accessToken());
    }

    /** A store that outlives the client (the agent's database after a restart): its token is tried before anyone is asked. */
    @Test
    void aStoredTokenNotYetSentIsTriedBeforeAuthorizingAgain() {
        TokenStore kept = new InMemoryTokenStore();
        client("/mcp", kept).challenged(401, challenge("/mcp", null), null);
        OAuthClient restarted = client("/mcp", kept);
        assertNull(restarted.accessToken(), "nothing is sent before the server says where its tokens come from");
        assertTrue(restarted.challenged(401, challenge("/mcp", null), null));
        assertEquals("tok-1", restarted.accessToken());
        assertEquals(1, authorizeRequests.size(), "nobody was asked again");
        assertEquals(1, tokenRequests.size());
        // refused once sent: then it is refreshed (no new authorization either)
        assertTrue(restarted.challenged(401, challenge("/mcp", null), "tok-1"));
        assertEquals("tok-2", restarted.accessToken());
        assertEquals(1, authorizeRequests.size());
        assertEquals(List.of("refresh_token"), tokenRequests.get(1).get("grant_type"));
    }

    @Test
    void resourceMetadataForAnotherResourceIsRefused() {
        OAuthClient oauth = client("/mcp", new InMemoryTokenStore());
        assertThrows(AuthorizationException.class, () -> oauth.challenged(401, challenge("/other", null), null));
        assertTrue(authorizeRequests.isEmpty());
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeUse() {
        expiresIn = 10; // inside the refresh margin at once
        OAuthClient oauth = client("/mcp", new InMemoryTokenStore());
        oauth.challenged(401, challenge("/mcp", null), null);
        assertEquals("tok-2", oauth.accessToken());
        Map<String, List<String>> refresh = tokenRequests.get(1);
        assertEquals(List.of("refresh_token"), refresh.get("grant_type"));
        assertEquals(List.of("r-1"), refresh.get("refresh_token"));
        assertEquals(List.of(base + "/mcp"), refresh.get("resource"));
        assertEquals(1, authorizeRequests.size());
    }

    @Test
    void stepUpAsksForTheUnionOnceAndThenStops() {
        OAuthClient oauth = client("/mcp", new InMemoryTokenStore());
        oauth.challenged(401, challenge("/mcp", "read"), null);
        assertTrue(oauth.challenged(403, "Bearer error=\"insufficient_scope\", scope=\"write\", resource_metadata=\""
                + base + "/.well-known/oauth-protected-resource/mcp\"", oauth.accessToken()));
        assertEquals(List.of("read write"), authorizeRequests.get(1).get("scope"));
        assertThrows(AuthorizationException.class, () -> oauth.challenged(403, "Bearer error=\"insufficient_scope\", scope=\"write\", "
                + "resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"", oauth.accessToken()));
        assertEquals(2, authorizeRequests.size());
    }

    @Test
    void aRequestThatCarriedAnOlderTokenIsSimplySentAgain() {
        OAuthClient oauth = client("/mcp", new InMemoryTokenStore());
        oauth.challenged(401, challenge("/mcp", null), null);
        assertTrue(oauth.challenged(401, challenge("/mcp", null), null));
        assertEquals(1, authorizeRequests.size());
    }

    @Test
    void aForbiddenWithoutScopeChallengeIsNotForOAuth() {
        OAuthClient oauth = client("/mcp", new InMemoryTokenStore());
        assertEquals(false, oauth.challenged(403, null, null));
        assertTrue(authorizeRequests.isEmpty());
    }

    OAuthClient commandLine(TokenStore store) {
        return OAuthClient.builder(base + "/mcp").tokenStore(store).interactive(false)
                .authorization(this::approve, URI.create("http://127.0.0.1:33418/callback")).build();
    }

    @Test
    void withoutAPersonAMissingSignInIsLoginRequiredBeforeAnyRegistration() {
        OAuthClient oauth = commandLine(new InMemoryTokenStore());
        LoginRequiredException e = assertThrows(LoginRequiredException.class, () -> oauth.challenged(401, challenge("/mcp", "s1"), null));
        assertEquals("not signed in to " + base + "/mcp (authorization server " + base + ")", e.getMessage());
        assertNull(e.scope());
        assertEquals(0, registrations.get(), "no client is registered for a sign-in that cannot happen");
        assertTrue(authorizeRequests.isEmpty() && tokenRequests.isEmpty());
    }

    @Test
    void aStoredTokenIsTriedOnceThenRefreshedThenLoginRequired() {
        TokenStore store = new InMemoryTokenStore();
        store.put(new StoredToken(base, base + "/mcp", "held", "r-held", null, "s1"));
        OAuthClient oauth = commandLine(store);
        assertNull(oauth.accessToken(), "nothing is sent before the server says who it is");
        assertTrue(oauth.challenged(401, challenge("/mcp", "s1"), null));
        assertEquals("held", oauth.accessToken());
        assertTrue(tokenRequests.isEmpty());
        // the held token is refused: its refresh token gets a new one, without a person
        assertTrue(oauth.challenged(401, challenge("/mcp", "s1"), "held"));
        assertEquals("tok-1", oauth.accessToken());
        assertEquals(List.of("refresh_token"), tokenRequests.get(0).get("grant_type"));
        // a step-up needs a person: the command says so, naming the scope
        LoginRequiredException e = assertThrows(LoginRequiredException.class, () -> oauth.challenged(403,
                "Bearer error=\"insufficient_scope\", scope=\"s2\", resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"",
                "tok-1"));
        assertEquals("s2", e.scope());
        assertTrue(authorizeRequests.isEmpty());
    }

    @Test
    void aLoginAuthorizesAnewEvenWithAStoredTokenAndKeepsTheOldOneUntilItSucceeds() {
        TokenStore store = new InMemoryTokenStore();
        store.put(new StoredToken(base, base + "/mcp", "held", "r-held", null, "s1"));
        OAuthClient failing = OAuthClient.builder(base + "/mcp").tokenStore(store).freshAuthorization(true)
                .authorization(url -> null, URI.create("http://127.0.0.1:33418/callback")).build();
        assertThrows(AuthorizationException.class, () -> failing.challenged(401, challenge("/mcp", "s1"), null));
        assertEquals("held", store.get(base, base + "/mcp").orElseThrow().accessToken(), "a failed login loses nothing");

        OAuthClient login = OAuthClient.builder(base + "/mcp").tokenStore(store).freshAuthorization(true)
                .authorization(this::approve, URI.create("http://127.0.0.1:33418/callback")).build();
        assertTrue(login.challenged(401, challenge("/mcp", "s1"), null));
        assertEquals(1, authorizeRequests.size());
        assertEquals("tok-1", store.get(base, base + "/mcp").orElseThrow().accessToken());
    }
}
