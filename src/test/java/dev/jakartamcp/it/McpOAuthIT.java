package dev.jakartamcp.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /mcp as an OAuth 2.1 resource server (issue 10, section 3), against mock-oauth2-server: it mints
 * the tokens a real provider never issues, and each bad one must get its 401 or 403. The tokens
 * this test crafts itself (alg none, HS256 keyed with the public key, an unknown key) need no
 * private key of the provider, which is the point of those attacks.
 */
@ExtendWith(ArquillianExtension.class)
class McpOAuthIT {

    static final int IDP_PORT = 18190;
    static final String ISSUER_ID = "mcp";
    static MockOAuth2Server idp;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        idp = new MockOAuth2Server();
        idp.start(InetAddress.getByName("127.0.0.1"), IDP_PORT);
        return Deployments.realWarWithConfig("auth.issuer=" + issuer() + "\nauth.clock-skew-seconds=5\n");
    }

    @AfterAll
    static void stopIdp() {
        if (idp != null) {
            idp.shutdown();
        }
    }

    static String issuer() {
        String url = idp.issuerUrl(ISSUER_ID).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @ArquillianResource
    URL deployed;

    URI base;
    RawMcp mcp;
    String resource;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void connect() {
        base = Deployments.localBase(deployed);
        mcp = new RawMcp(base);
        resource = base.resolve("mcp").toString();
    }

    String token(String subject, List<String> audience, String scope, Map<String, Object> extra) {
        Map<String, Object> claims = new java.util.HashMap<>(extra);
        claims.put("scope", scope);
        claims.put("preferred_username", subject);
        return idp.issueToken(ISSUER_ID, "test-client",
                new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, 300)).serialize();
    }

    String goodToken(String subject, String scope) {
        return token(subject, List.of(resource), scope, Map.of());
    }

    Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    String open(String token) {
        HttpResponse<String> init = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null, bearer(token));
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertEquals(202, mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session, bearer(token)).statusCode());
        return session;
    }

    JsonObject call(String token, String session, String body) {
        HttpResponse<String> r = mcp.post(body, session, bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return RawMcp.responseOf(r);
    }

    Set<String> toolNames(String token, String session) {
        Set<String> names = new java.util.TreeSet<>();
        String cursor = null;
        do {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            JsonObject result = call(token, session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":" + params + "}")
                    .getJsonObject("result");
            result.getJsonArray("tools").forEach(t -> names.add(t.asJsonObject().getString("name")));
            cursor = result.containsKey("nextCursor") ? result.getString("nextCursor") : null;
        } while (cursor != null);
        return names;
    }

    static String getUser(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_user_by_id\",\"arguments\":{\"id\":" + id + "}}}";
    }

    @Test
    void withoutATokenTheClientIsToldWhereToGetOne() throws Exception {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null);
        assertEquals(401, r.statusCode(), r.body());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
        String metadataUrl = base.resolve("/.well-known/oauth-protected-resource/mcp").toString();
        assertTrue(challenge.startsWith("Bearer "), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + metadataUrl + "\""), challenge);
        assertTrue(challenge.contains("scope=\"users:read\""), challenge);

        // RFC 9728: the path-specific form and the root form say the same
        for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metadata.statusCode(), path);
            JsonObject doc = RawMcp.json(metadata.body()).asJsonObject();
            assertEquals(resource, doc.getString("resource"));
            assertEquals(List.of(issuer()), doc.getJsonArray("authorization_servers").getValuesAs(jakarta.json.JsonString::getString));
            assertEquals(List.of("users:read", "users:write", "users:delete"),
                    doc.getJsonArray("scopes_supported").getValuesAs(jakarta.json.JsonString::getString));
        }
    }

    @Test
    void aValidTokenWithAllScopesUsesEveryTool() {
        String token = goodToken("alice", "users:read users:write users:delete");
        String session = open(token);
        assertEquals(Set.of("add_user", "delete_user", "get_user_by_id", "search_users", "update_user"), toolNames(token, session));
        JsonObject user = call(token, session, getUser(5)).getJsonObject("result");
        assertFalse(user.getBoolean("isError", false), user.toString());
    }

    @Test
    void aReadOnlyTokenSeesOnlyReadToolsAndIsRefusedTheRestWithInsufficientScope() {
        String reader = goodToken("reader", "users:read");
        String session = open(reader);
        assertEquals(Set.of("get_user_by_id", "search_users"), toolNames(reader, session));

        HttpResponse<String> delete = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"delete_user\",\"arguments\":{\"id\":6}}}", session, bearer(reader));
        assertEquals(403, delete.statusCode(), delete.body());
        String challenge = delete.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"users:read users:delete\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\""), challenge);

        HttpResponse<String> add = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"add_user\",\"arguments\":{\"name\":\"Eve\",\"email\":\"eve@example.com\"}}}", session, bearer(reader));
        assertEquals(403, add.statusCode(), add.body());

        // nothing was deleted: user 6 is still there
        JsonObject still = call(reader, session, getUser(6)).getJsonObject("result");
        assertFalse(still.getBoolean("isError", false), still.toString());

        // a token without users:read cannot read the users:// resource either
        String none = goodToken("nobody", "");
        String other = open(none);
        HttpResponse<String> read = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/read\",\"params\":{\"uri\":\"users://6\"}}",
                other, bearer(none));
        assertEquals(403, read.statusCode(), read.body());
        assertEquals(Set.of(), toolNames(none, other));
    }

    /** A 2026-07-28 request has no session, and is guarded exactly like a 2025 one: token first, then scopes. */
    @Test
    void statelessRequestsNeedATokenAndTheScopes() {
        HttpResponse<String> anonymous = mcp.post(stateless("tools/list", null, null), null, statelessHeaders("tools/list", null, null));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer "));

        String reader = goodToken("reader", "users:read");
        HttpResponse<String> list = mcp.post(stateless("tools/list", null, null), null, statelessHeaders("tools/list", null, reader));
        assertEquals(200, list.statusCode(), list.body());
        JsonObject result = RawMcp.json(list.body()).asJsonObject().getJsonObject("result");
        Set<String> names = new java.util.TreeSet<>();
        result.getJsonArray("tools").forEach(t -> names.add(t.asJsonObject().getString("name")));
        assertEquals(Set.of("get_user_by_id", "search_users"), names);
        assertEquals("private", result.getString("cacheScope"), "a list filtered by the token is not shared");

        HttpResponse<String> delete = mcp.post(stateless("tools/call", "delete_user", "{\"id\":6}"), null,
                statelessHeaders("tools/call", "delete_user", reader));
        assertEquals(403, delete.statusCode(), delete.body());
        assertTrue(delete.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"insufficient_scope\""));
    }

    static String stateless(String method, String tool, String arguments) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        String params = tool == null ? "{" + meta + "}" : "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "," + meta + "}";
        return "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    Map<String, String> statelessHeaders(String method, String name, String token) {
        Map<String, String> h = new java.util.HashMap<>(token == null ? Map.of() : bearer(token));
        h.put("MCP-Protocol-Version", "2026-07-28");
        h.put("Mcp-Method", method);
        if (name != null) h.put("Mcp-Name", name);
        return h;
    }

    @Test
    void aSessionIsNotFoundWithAnotherPersonsToken() {
        String alice = goodToken("alice", "users:read");
        String mallory = goodToken("mallory", "users:read users:write users:delete");
        String session = open(alice);

        HttpResponse<String> hijack = mcp.post(getUser(5), session, bearer(mallory));
        assertEquals(404, hijack.statusCode(), hijack.body());
        HttpResponse<String> stream = http(HttpRequest.newBuilder(base.resolve("mcp")).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).header("Authorization", "Bearer " + mallory).GET());
        assertEquals(404, stream.statusCode(), stream.body());
        HttpResponse<String> delete = http(HttpRequest.newBuilder(base.resolve("mcp"))
                .header("Mcp-Session-Id", session).header("Authorization", "Bearer " + mallory).DELETE());
        assertEquals(404, delete.statusCode(), delete.body());

        // the session is untouched for its owner, even with a fresh token of hers
        String aliceAgain = goodToken("alice", "users:read");
        JsonObject user = call(aliceAgain, session, getUser(5)).getJsonObject("result");
        assertFalse(user.getBoolean("isError", false), user.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-audience", "wrong-issuer", "expired", "not-yet-valid", "bad-signature", "alg-none",
            "hs256-with-public-key", "unknown-kid", "wrong-typ", "not-a-jwt"})
    void aBadTokenIsRefusedWith401InvalidToken(String kind) throws Exception {
        String token = badToken(kind);
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null, bearer(token));
        assertEquals(401, r.statusCode(), kind + ": " + r.body());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("error=\"invalid_token\""), kind + ": " + challenge);
        assertTrue(challenge.contains("resource_metadata=\""), kind + ": " + challenge);
        assertFalse(r.headers().firstValue("Mcp-Session-Id").isPresent(), kind);
    }

    private String badToken(String kind) throws Exception {
        String scope = "users:read users:write users:delete";
        long now = Instant.now().getEpochSecond();
        return switch (kind) {
            case "wrong-audience" -> token("alice", List.of("https://other.example/mcp"), scope, Map.of());
            case "wrong-issuer" -> token("alice", List.of(resource), scope, Map.of("iss", "https://evil.example"));
            case "expired" -> token("alice", List.of(resource), scope, Map.of("exp", now - 120, "iat", now - 600, "nbf", now - 600));
            case "not-yet-valid" -> token("alice", List.of(resource), scope, Map.of("nbf", now + 600));
            case "bad-signature" -> {
                String good = goodToken("alice", scope);
                int dot = good.lastIndexOf('.');
                String signature = good.substring(dot + 1);
                char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
                yield good.substring(0, dot + 1) + signature.substring(0, 10) + flipped + signature.substring(11);
            }
            case "alg-none" -> {
                String good = goodToken("alice", scope);
                String payload = good.split("\\.")[1];
                yield Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
            }
            case "hs256-with-public-key" -> {
                // the classic confusion attack: HMAC keyed with the provider's public key, which anyone can fetch
                JWKSet keys = JWKSet.load(idp.jwksUrl(ISSUER_ID).url());
                RSAKey published = (RSAKey) keys.getKeys().get(0);
                byte[] secret = published.toRSAPublicKey().getEncoded();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                        .keyID(published.getKeyID()).build(), claims(now));
                jwt.sign(new MACSigner(secret));
                yield jwt.serialize();
            }
            case "unknown-kid" -> {
                RSAKey stranger = new RSAKeyGenerator(2048).keyID("not-a-key-of-the-provider").generate();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                        .keyID(stranger.getKeyID()).build(), claims(now));
                jwt.sign(new RSASSASigner(stranger));
                yield jwt.serialize();
            }
            case "wrong-typ" -> idp.issueToken(ISSUER_ID, "test-client", new DefaultOAuth2TokenCallback(ISSUER_ID, "alice",
                    "dpop+jwt", List.of(resource), Map.of("scope", scope), 300)).serialize();
            case "not-a-jwt" -> "opaque-token-that-is-no-jwt";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private JWTClaimsSet claims(long now) {
        return new JWTClaimsSet.Builder().issuer(issuer()).subject("alice").audience(resource)
                .claim("scope", "users:read users:write users:delete")
                .issueTime(new Date(now * 1000)).expirationTime(new Date((now + 300) * 1000)).build();
    }

    private HttpResponse<String> http(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
