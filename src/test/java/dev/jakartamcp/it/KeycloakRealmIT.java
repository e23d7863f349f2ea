package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.jakartamcp.it.Keycloak.ISSUER;
import static dev.jakartamcp.it.Keycloak.PAYARA_RESOURCE;
import static dev.jakartamcp.it.Keycloak.WILDFLY_RESOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The test realm (src/test/keycloak/mcp-realm.json) on the Keycloak the build starts: the tokens the
 * application's tests rely on, with the claims they rely on. No Arquillian: it runs in each failsafe execution.
 */
class KeycloakRealmIT {

    private static final Set<String> USERS_SCOPES = Set.of("users:read", "users:write", "users:delete");

    @BeforeAll
    static void keycloakStarted() {
        assumeFalse(Boolean.getBoolean("skipKeycloak"), "-DskipKeycloak: the build did not start Keycloak");
    }

    @Test
    void discoveryNamesTheFixedIssuerAndBothKindsOfScopes() {
        JsonObject discovery = Keycloak.discovery();
        assertEquals(ISSUER, discovery.getString("issuer"));
        assertEquals(Keycloak.TOKEN_ENDPOINT, discovery.getString("token_endpoint"));
        Set<String> scopes = strings(discovery.get("scopes_supported"));
        assertTrue(scopes.containsAll(Set.of("openid", "basic", "profile", "email", "roles", "offline_access")), scopes::toString);
        assertTrue(scopes.containsAll(USERS_SCOPES), scopes::toString);
        assertTrue(strings(discovery.get("code_challenge_methods_supported")).contains("S256"));
    }

    @Test
    void machineTokenIsForBothResourcesWithAllUsersScopes() {
        JsonObject claims = Keycloak.claims(Keycloak.clientCredentialsToken("mcp-test-machine", "machine-secret", null));
        assertEquals(ISSUER, claims.getString("iss"));
        assertTrue(audience(claims).containsAll(List.of(PAYARA_RESOURCE, WILDFLY_RESOURCE)), claims::toString);
        assertEquals(USERS_SCOPES, usersScopes(claims), claims::toString);
        assertFalse(claims.getString("sub", "").isBlank(), claims::toString);
        assertEquals("mcp-test-machine", claims.getString("azp"));
    }

    @Test
    void readerTokenHasUsersReadOnly() {
        JsonObject claims = Keycloak.claims(Keycloak.clientCredentialsToken("mcp-test-reader", "reader-secret", null));
        assertTrue(audience(claims).containsAll(List.of(PAYARA_RESOURCE, WILDFLY_RESOURCE)), claims::toString);
        assertEquals(Set.of("users:read"), usersScopes(claims), claims::toString);
        assertFalse(claims.getString("sub", "").isBlank(), claims::toString);
        // a scope the client does not have is refused
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Keycloak.clientCredentialsToken("mcp-test-reader", "reader-secret", "users:write"));
        assertTrue(e.getMessage().contains("invalid_scope"), e.getMessage());
    }

    @Test
    void aliceIsUserAdmin() {
        JsonObject claims = Keycloak.claims(
                Keycloak.passwordToken("alice", "alice-password", "openid users:read users:write users:delete"));
        assertEquals("alice", claims.getString("preferred_username"));
        assertTrue(roles(claims).contains("user-admin"), claims::toString);
        assertFalse(roles(claims).contains("user-viewer"), claims::toString);
        assertEquals(USERS_SCOPES, usersScopes(claims), claims::toString);
        assertTrue(audience(claims).containsAll(List.of(PAYARA_RESOURCE, WILDFLY_RESOURCE)), claims::toString);
        assertFalse(claims.getString("sub", "").isBlank(), claims::toString);
        assertEquals("jakarta-mcp-chat", claims.getString("azp"));
        assertEquals("alice@example.org", claims.getString("email"));
    }

    @Test
    void bobIsUserViewer() {
        JsonObject claims = Keycloak.claims(Keycloak.passwordToken("bob", "bob-password", "openid users:read"));
        assertEquals("bob", claims.getString("preferred_username"));
        assertTrue(roles(claims).contains("user-viewer"), claims::toString);
        assertFalse(roles(claims).contains("user-admin"), claims::toString);
        assertEquals(Set.of("users:read"), usersScopes(claims), claims::toString);
    }

    @Test
    void wrongPasswordIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Keycloak.passwordToken("alice", "bob-password", "openid"));
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
    }

    @Test
    void aliceTokenExchangesForOneResource() {
        String alice = Keycloak.passwordToken("alice", "alice-password", "openid users:read users:write users:delete");
        String aliceSub = Keycloak.claims(alice).getString("sub");

        JsonObject exchanged = Keycloak.claims(Keycloak.exchange(alice, PAYARA_RESOURCE, "users:read"));
        assertEquals(List.of(PAYARA_RESOURCE), audience(exchanged), exchanged::toString);
        assertEquals(aliceSub, exchanged.getString("sub"));
        assertEquals(Set.of("users:read"), usersScopes(exchanged), exchanged::toString);
        assertTrue(roles(exchanged).contains("user-admin"), exchanged::toString);

        JsonObject forWildFly = Keycloak.claims(Keycloak.exchange(alice, WILDFLY_RESOURCE, "users:read users:write"));
        assertEquals(List.of(WILDFLY_RESOURCE), audience(forWildFly), forWildFly::toString);
        assertEquals(Set.of("users:read", "users:write"), usersScopes(forWildFly), forWildFly::toString);

        // the audience comes from the scopes: none that carries it, no token
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Keycloak.exchange(alice, PAYARA_RESOURCE, null));
        assertTrue(e.getMessage().contains("Requested audience not available"), e.getMessage());
    }

    @Test
    void aMachineTokenIsNotExchangedByTheChatClient() {
        String machine = Keycloak.clientCredentialsToken("mcp-test-machine", "machine-secret", null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Keycloak.exchange(machine, PAYARA_RESOURCE, "users:read"));
        assertTrue(e.getMessage().contains("access_denied"), e.getMessage());
    }

    /** The application's sign-in: code flow with PKCE S256, which the client requires; no extra page after the password. */
    @Test
    void codeFlowWithPkceSignsAliceInDirectly() throws Exception {
        // cookies by hand: java.net.CookieManager does not send cookies to a host without a dot (localhost)
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String redirectUri = "http://localhost:18080/Callback";
        String auth = ISSUER + "/protocol/openid-connect/auth?response_type=code&client_id=jakarta-mcp-chat"
                + "&redirect_uri=" + enc(redirectUri) + "&scope=" + enc("openid users:read") + "&state=st4te&nonce=n0nce";

        // without a code challenge the client is refused
        HttpResponse<String> noPkce = get(browser, cookies, auth);
        assertEquals(302, noPkce.statusCode());
        Map<String, String> refused = query(noPkce.headers().firstValue("Location").orElseThrow());
        assertEquals("invalid_request", refused.get("error"), refused::toString);

        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest("a verifier for KeycloakRealmIT".getBytes(StandardCharsets.UTF_8)));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> loginPage = get(browser, cookies, auth + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        assertEquals(200, loginPage.statusCode());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
        assertTrue(action.find(), "no login form");
        String login = action.group(1).replace("&amp;", "&");

        HttpResponse<String> signedIn = send(browser, cookies, HttpRequest.newBuilder(URI.create(login))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-password&credentialId=")));
        assertEquals(302, signedIn.statusCode(), "an extra page after the password (update profile?): " + signedIn.body());
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirectUri + "?"), location);
        Map<String, String> callback = query(location);
        assertEquals("st4te", callback.get("state"));
        assertEquals(ISSUER, callback.get("iss"));

        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", Keycloak.CHAT_CLIENT);
        form.put("client_secret", Keycloak.CHAT_SECRET);
        form.put("code", callback.get("code"));
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        JsonObject tokens = Keycloak.token(form);
        JsonObject id = Keycloak.claims(tokens.getString("id_token"));
        assertEquals("alice", id.getString("preferred_username"));
        assertEquals("n0nce", id.getString("nonce"));
        assertEquals(List.of("jakarta-mcp-chat"), audience(id));
        JsonObject access = Keycloak.claims(tokens.getString("access_token"));
        assertEquals(id.getString("sub"), access.getString("sub"));
        assertEquals(Set.of("users:read"), usersScopes(access), access::toString);
        assertNotEquals(JsonValue.NULL, access.getOrDefault("realm_access", JsonValue.NULL));
    }

    private static HttpResponse<String> get(HttpClient client, Map<String, String> cookies, String url) throws Exception {
        return send(client, cookies, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** One browser request: sends the cookies so far, keeps those the answer sets (one host, paths ignored). */
    private static HttpResponse<String> send(HttpClient client, Map<String, String> cookies, HttpRequest.Builder request)
            throws Exception {
        request.timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    private static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        return Arrays.stream(query.split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code aud} is a string or an array of strings. */
    static List<String> audience(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud == null) {
            return List.of();
        }
        if (aud instanceof JsonString s) {
            return List.of(s.getString());
        }
        return aud.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static Set<String> usersScopes(JsonObject claims) {
        return Arrays.stream(claims.getString("scope", "").split(" "))
                .filter(s -> s.startsWith("users:"))
                .collect(Collectors.toSet());
    }

    static Set<String> roles(JsonObject claims) {
        JsonObject realmAccess = claims.getJsonObject("realm_access");
        return realmAccess == null ? Set.of() : strings(realmAccess.get("roles"));
    }

    private static Set<String> strings(JsonValue array) {
        if (array == null || array.getValueType() != JsonValue.ValueType.ARRAY) {
            return Set.of();
        }
        return array.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toSet());
    }
}
