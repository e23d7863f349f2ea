package dev.jakartamcp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Keycloak the build starts for the integration tests (src/test/keycloak: realm {@code mcp} on
 * 127.0.0.1:18180), and tokens from it for tests.
 */
public final class Keycloak {

    public static final String ISSUER = "http://localhost:18180/realms/mcp";
    public static final String TOKEN_ENDPOINT = ISSUER + "/protocol/openid-connect/token";
    public static final String DISCOVERY = ISSUER + "/.well-known/openid-configuration";

    /** The MCP resource identifiers (RFC 8707) of the two suites' servers; each is a client of the realm. */
    public static final String PAYARA_RESOURCE = "http://localhost:18080/mcp";
    public static final String WILDFLY_RESOURCE = "http://localhost:28080/mcp";

    /** The application's client: code flow with PKCE, password grant (tests) and token exchange. */
    public static final String CHAT_CLIENT = "jakarta-mcp-chat";
    public static final String CHAT_SECRET = "chat-secret";

    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Keycloak() {
    }

    /** An access token of a service-account client (client_credentials); {@code scope} may be null. */
    public static String clientCredentialsToken(String clientId, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        putIfNotNull(form, "scope", scope);
        return token(form).getString("access_token");
    }

    /** A user's access token through jakarta-mcp-chat (password grant); {@code scope} may be null. */
    public static String passwordToken(String user, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CHAT_CLIENT);
        form.put("client_secret", CHAT_SECRET);
        form.put("username", user);
        form.put("password", password);
        putIfNotNull(form, "scope", scope);
        return token(form).getString("access_token");
    }

    /**
     * RFC 8693 as jakarta-mcp-chat: an access token for {@code audience} (a client id of the realm, e.g.
     * {@link #PAYARA_RESOURCE}) from a token issued to jakarta-mcp-chat. Keycloak grants the audience only
     * when a requested scope carries it (the users:* scopes do); {@code audience} and {@code scope} may be null.
     */
    public static String exchange(String subjectToken, String audience, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", TOKEN_EXCHANGE);
        form.put("client_id", CHAT_CLIENT);
        form.put("client_secret", CHAT_SECRET);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("requested_token_type", ACCESS_TOKEN_TYPE);
        putIfNotNull(form, "audience", audience);
        putIfNotNull(form, "scope", scope);
        return token(form).getString("access_token");
    }

    /** The payload of a JWT, not verified: for tests only. */
    public static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT: " + jwt);
        }
        return parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** A token endpoint request; any answer but 200 throws with Keycloak's error in the message. */
    public static JsonObject token(Map<String, String> form) {
        HttpResponse<String> response = postForm(TOKEN_ENDPOINT, form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode()
                    + " to grant_type " + form.get("grant_type") + ": " + response.body());
        }
        return parse(response.body());
    }

    /** A form POST, the answer as it comes (for tests of refusals). */
    public static HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The realm's discovery document. */
    public static JsonObject discovery() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(DISCOVERY))
                .timeout(TIMEOUT).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(DISCOVERY + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri()
                    + " failed (is Keycloak running? see target/keycloak.log)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void putIfNotNull(Map<String, String> form, String name, String value) {
        if (value != null) {
            form.put(name, value);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
