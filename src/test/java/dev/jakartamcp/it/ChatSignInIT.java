package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Single sign-on for the chat page against a real Keycloak (src/test/keycloak: realm mcp, alice is
 * user-admin, bob user-viewer), in headless Chromium: the sign-in on Keycloak's own login page, the
 * person on the page, refresh without a new sign-in, RP-initiated sign-out that ends Keycloak's
 * session too, roles in the tools console, and conversations that belong to their creator.
 */
@ExtendWith(ArquillianExtension.class)
class ChatSignInIT {

    /** The suites' fixed ports, which the realm's redirect URIs name. */
    static final int PORT = Servers.wildFly() ? 28080 : 18080;
    /** Keycloak's access tokens live 300 s: refresh them once they are 6 s old. */
    static final int REFRESH_BEFORE_SECONDS = 294;

    /** The scripted LLM: "delete user N" makes it call delete_user. */
    static final FakeLlm LLM = new FakeLlm("openai");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig(
                "agent.llm.endpoint=" + LLM.endpoint() + "\n"
                        + "agent.llm.api-key=" + FakeLlm.KEY + "\n"
                        + "agent.llm.model=" + FakeLlm.MODEL + "\n" +
                "auth.issuer=" + Keycloak.ISSUER + "\n"
                        + "auth.client-id=" + Keycloak.CHAT_CLIENT + "\n"
                        + "auth.client-secret=" + Keycloak.CHAT_SECRET + "\n"
                        + "auth.roles-claim=realm_access.roles\n"
                        + "auth.refresh-before-seconds=" + REFRESH_BEFORE_SECONDS + "\n"
                        + "app.base-url=http://localhost:" + PORT + "\n");
    }

    @ArquillianResource
    URL deployed;

    URI base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void keycloakStarted() {
        assumeFalse(Boolean.getBoolean("skipKeycloak"), "-DskipKeycloak: the build did not start Keycloak");
    }

    @BeforeEach
    void connect() {
        base = Deployments.localBase(deployed);
        assertEquals(PORT, base.getPort(), "the realm's redirect URIs name this port");
    }

    @Test
    void theChatApiAnswers401JsonWithoutASession() throws Exception {
        for (String[] request : new String[][]{{"GET", "api/conversations"}, {"GET", "api/me"}, {"GET", "api/tools"},
                {"POST", "api/tools/users/delete_user"}, {"POST", "api/conversations"}}) {
            HttpResponse<String> r = send(request[0], request[1], request[0].equals("POST") ? "{\"id\":1}" : null, null, Map.of());
            assertEquals(401, r.statusCode(), request[1] + ": " + r.body());
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(r.headers().firstValue("Location").isEmpty(), "never a redirect to the identity provider");
            JsonObject body = RawMcp.json(r.body()).asJsonObject();
            assertEquals("/auth/login", body.getString("login"));
            assertFalse(body.getString("error").isBlank());
        }
        // sign-out is a POST from our own page only
        assertEquals(405, send("GET", "auth/logout", null, null, Map.of()).statusCode());
        HttpResponse<String> crossSite = send("POST", "auth/logout", "", null,
                Map.of("Origin", "http://evil.example", "Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(403, crossSite.statusCode(), crossSite.body());
    }

    /**
     * What /auth/login sends to Keycloak (code flow, PKCE S256, state, nonce, the redirect URI from
     * app.base-url, the sign-in scopes), and the callback: an error from the provider is a clear
     * "access denied" page, and a state works once.
     */
    @Test
    void theProvidersRefusalIsAClearPageAndAStateWorksOnce() throws Exception {
        HttpClient browserLike = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = browserLike.send(HttpRequest.newBuilder(base.resolve("auth/login?return=%2F%3Ftab%3Dtools")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        URI authorization = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertTrue(authorization.toString().startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?"), authorization.toString());
        Map<String, String> query = query(authorization);
        assertEquals("code", query.get("response_type"));
        assertEquals(Keycloak.CHAT_CLIENT, query.get("client_id"));
        assertEquals("http://localhost:" + PORT + "/auth/callback", query.get("redirect_uri"));
        assertEquals("openid profile email", query.get("scope"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals(43, query.get("code_challenge").length(), "base64url of a SHA-256");
        assertTrue(query.get("state").length() >= 32 && query.get("nonce").length() >= 32, query.toString());

        String state = URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        HttpResponse<String> denied = browserLike.send(HttpRequest.newBuilder(
                base.resolve("auth/callback?error=access_denied&state=" + state)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(denied.body().contains("Access denied") && denied.body().contains("access_denied"), denied.body());
        assertTrue(denied.headers().firstValue("Location").isEmpty());

        HttpResponse<String> again = browserLike.send(HttpRequest.newBuilder(
                base.resolve("auth/callback?code=anything&state=" + state)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, again.statusCode(), "a state is used once: " + again.body());
        HttpResponse<String> nobody = send("GET", "api/me", null, cookiesOf(browserLike), Map.of());
        assertEquals(401, nobody.statusCode(), "nobody was signed in on the way");
    }

    /**
     * Alice (user-admin) signs in on Keycloak's page, sees her name, keeps a conversation, gets a
     * refreshed access token without signing in again, and signs out of Keycloak too. Bob
     * (user-viewer) then signs in: the console refuses his delete (403) and nothing is deleted, and
     * Alice's conversation does not exist for him.
     */
    @Test
    void aliceAndBobSignInThroughKeycloak() throws Exception {
        int victim = addUser("Keep", "Me", "keep.me@example.org");
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(base.resolve("?from=sign-in-test").toString());
            browser.await(By.id("username"));
            // the session the sign-in started in, before anyone signed in (cookies are per host, not per port)
            String before = "JSESSIONID=" + browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
            signInOnKeycloaksPage(browser, "alice", "alice-password");
            assertTrue(browser.await(By.id("who")).getText().contains("alice"), browser.driver.getPageSource());
            assertEquals(base + "?from=sign-in-test", browser.driver.getCurrentUrl(), "back where the page was");
            assertNotEquals(before, "JSESSIONID=" + browser.driver.manage().getCookieNamed("JSESSIONID").getValue(),
                    "a new session id after sign-in");
            assertEquals(401, send("GET", "api/me", null, before, Map.of()).statusCode(),
                    "the session id from before the sign-in does not carry alice (session fixation)");
            assertTrue(browser.await(By.id("sign-out")).isDisplayed());
            browser.screenshot("signed-in-alice");

            String alice = cookieHeader(browser);
            JsonObject me = me(alice);
            assertTrue(me.getBoolean("identity"));
            assertEquals("alice", me.getString("name"));
            assertTrue(me.getJsonArray("roles").contains(jsonString("user-admin")), me.toString());
            assertEquals(List.of("users:read", "users:write", "users:delete"), strings(me, "permissions"));
            assertEquals("alice", me.getString("principal"), "the app's mechanism made her the container's caller on " + Servers.name());

            // the console acts for alice on /mcp, with a token Keycloak exchanged for the MCP resource (RFC 8693)
            assertEquals(List.of("add_user", "delete_user", "get_user_by_id", "search_users", "update_user"), consoleTools(alice));
            HttpResponse<String> consoleAdd = send("POST", "api/tools/users/add_user", "{\"name\":\"Ada\",\"surname\":\"Console\","
                    + "\"email\":\"ada.console@example.org\",\"about_me\":\"added by alice in the console\"}", alice, Map.of());
            assertEquals(200, consoleAdd.statusCode(), consoleAdd.body());
            assertFalse(RawMcp.json(consoleAdd.body()).asJsonObject().getBoolean("isError"), consoleAdd.body());
            assertTrue(send("GET", "v1/users/search?email=ada.console@example.org", null, alice, Map.of()).body().contains("Ada"),
                    "the user exists in the service");

            // the agent acts for alice too: its delete asks her, and with her yes the user is gone
            int doomed = addUser("Doomed", "By-Agent", "doomed.by.agent@example.org");
            ChatApi aliceChat = new ChatApi(base, alice);
            List<ChatApi.Event> accepted = aliceChat.send(aliceChat.newConversation(), "Please delete user " + doomed,
                    e -> "{\"action\":\"accept\",\"content\":{\"confirm\":true}}");
            assertEquals(1, ChatApi.named(accepted, "elicitation").size(), accepted.toString());
            assertTrue(ChatApi.named(accepted, "tool_result").get(0).data().getString("text").startsWith("Deleted user"),
                    accepted.toString());
            assertEquals(404, send("GET", "v1/users/" + doomed, null, alice, Map.of()).statusCode(), "deleted by the agent for alice");

            HttpResponse<String> created = send("POST", "api/conversations", "{\"title\":\"alice's secret plans\"}", alice, Map.of());
            assertEquals(201, created.statusCode(), created.body());
            String conversation = RawMcp.json(created.body()).asJsonObject().getString("id");
            assertTrue(send("GET", "api/conversations", null, alice, Map.of()).body().contains(conversation));

            // the access token is due for refresh REFRESH_BEFORE_SECONDS before it expires: wait past that
            Instant firstExpiry = Instant.parse(me.getString("accessTokenExpiresAt"));
            Duration toWait = Duration.between(Instant.now(), firstExpiry.minusSeconds(REFRESH_BEFORE_SECONDS)).plusSeconds(1);
            assertTrue(toWait.toSeconds() < 30, "Keycloak's access token lifespan is 300 s: " + firstExpiry);
            Thread.sleep(Math.max(0, toWait.toMillis()));
            JsonObject refreshed = me(alice);
            assertTrue(Instant.parse(refreshed.getString("accessTokenExpiresAt")).isAfter(firstExpiry),
                    "a new access token: " + me + " then " + refreshed);
            assertEquals("alice", refreshed.getString("principal"));
            browser.driver.navigate().refresh();
            assertTrue(browser.await(By.id("who")).getText().contains("alice"), "still signed in, no new sign-in");

            // sign out: our session ends, and Keycloak's (its login form shows again, no instant sign-in)
            // fetches still in flight when the session ends answer 401: they must not turn the way to
            // the provider's logout into a new sign-in (a race a slow machine loses)
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "[10, 50, 150, 400].forEach((ms) => setTimeout(() => loadAccount().catch(() => {}), ms))");
            browser.await(By.id("sign-out")).click();
            browser.await(By.id("username"));
            assertTrue(browser.driver.getCurrentUrl().startsWith(Keycloak.ISSUER), browser.driver.getCurrentUrl());
            assertEquals(401, send("GET", "api/me", null, alice, Map.of()).statusCode(), "the old session is gone");
            browser.driver.get(base.resolve("auth/login").toString());
            assertTrue(browser.await(By.id("username")).isDisplayed(), "Keycloak asks again: its session ended too");

            signInOnKeycloaksPage(browser, "bob", "bob-password");
            assertTrue(browser.await(By.id("who")).getText().contains("bob"), browser.driver.getPageSource());
            String bob = cookieHeader(browser);
            JsonObject bobMe = me(bob);
            assertEquals(List.of("users:read"), strings(bobMe, "permissions"));
            assertNotEquals(alice, bob, "a new session id after sign-in");

            // the console refuses a viewer's writes before calling anything, in the page's own fetch
            Map<String, Object> delete = pageFetch(browser, "api/tools/users/delete_user", "{\"id\":" + victim + "}");
            assertEquals(403L, delete.get("status"), delete.toString());
            assertTrue(String.valueOf(delete.get("body")).contains("delete_user"), delete.toString());
            Map<String, Object> add = pageFetch(browser, "api/tools/users/add_user",
                    "{\"name\":\"Not\",\"surname\":\"Added\",\"email\":\"not.added@example.org\",\"about_me\":\"x\"}");
            assertEquals(403L, add.get("status"), add.toString());
            assertEquals(200, send("GET", "v1/users/" + victim, null, bob, Map.of()).statusCode(), "nothing was deleted");
            assertFalse(send("GET", "v1/users/search?email=not.added@example.org", null, bob, Map.of()).body().contains("not.added@example.org"), "nothing was added");
            assertEquals(403, send("DELETE", "v1/users/" + victim, null, bob, Map.of()).statusCode(), "nor through /v1");
            // the console acts for bob on /mcp with a token exchanged for users:read only: the write tools are not even listed
            assertEquals(List.of("get_user_by_id", "search_users"), consoleTools(bob));

            // the agent acts for bob with his scopes: delete_user is not among its tools, nobody is asked, nothing is deleted
            ChatApi bobChat = new ChatApi(base, bob);
            List<ChatApi.Event> refused = bobChat.send(bobChat.newConversation(), "Please delete user " + victim,
                    e -> "{\"action\":\"accept\",\"content\":{\"confirm\":true}}");
            assertEquals(0, ChatApi.named(refused, "elicitation").size(), refused.toString());
            assertEquals(200, send("GET", "v1/users/" + victim, null, bob, Map.of()).statusCode(), "the agent deleted nothing for bob");

            // alice's conversation does not exist for bob
            assertFalse(send("GET", "api/conversations", null, bob, Map.of()).body().contains(conversation));
            assertEquals(404, send("GET", "api/conversations/" + conversation, null, bob, Map.of()).statusCode());
            assertEquals(404, send("POST", "api/conversations/" + conversation + "/messages", "{\"content\":\"hi\"}", bob,
                    Map.of("Accept", "text/event-stream")).statusCode());
            assertEquals(404, send("POST", "api/conversations/" + conversation + "/elicitations/x", "{\"action\":\"accept\"}", bob,
                    Map.of()).statusCode());
            assertEquals(404, send("DELETE", "api/conversations/" + conversation, null, bob, Map.of()).statusCode());
            browser.screenshot("signed-in-bob");
        }
    }

    /**
     * A refresh that Keycloak refuses signs the person out here: alice ends her Keycloak session at
     * Keycloak itself (as another application's sign-out would), so her refresh token dies with it;
     * once her access token is due, the next request finds her signed out (401), not kept forever.
     */
    @Test
    void aRefreshKeycloakRefusesSignsThePersonOut() throws Exception {
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(base.toString());
            signInOnKeycloaksPage(browser, "alice", "alice-password");
            assertTrue(browser.await(By.id("who")).getText().contains("alice"));
            String alice = cookieHeader(browser);
            Instant expiry = Instant.parse(me(alice).getString("accessTokenExpiresAt"));

            browser.driver.get(Keycloak.ISSUER + "/protocol/openid-connect/logout?client_id=" + Keycloak.CHAT_CLIENT);
            browser.await(By.id("kc-logout")).click(); // Keycloak asks, without an id_token_hint
            browser.waitUntil(d -> d.getPageSource().contains("logged out") ? Boolean.TRUE : null);

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry.minusSeconds(REFRESH_BEFORE_SECONDS)).plusSeconds(1).toMillis()));
            HttpResponse<String> after = send("GET", "api/me", null, alice, Map.of());
            assertEquals(401, after.statusCode(), "the refresh was refused, so she is signed out: " + after.body());
            assertEquals("/auth/login", RawMcp.json(after.body()).asJsonObject().getString("login"));
        }
    }

    /** Keycloak's own login form: its field ids are username, password and kc-login. */
    private static void signInOnKeycloaksPage(Browser browser, String user, String password) {
        WebElement username = browser.await(By.id("username"));
        assertTrue(browser.driver.getCurrentUrl().startsWith(Keycloak.ISSUER), browser.driver.getCurrentUrl());
        username.clear();
        username.sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("kc-login")).click();
    }

    /** The page's own fetch, with its session cookie and Origin: what the tools console sends. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageFetch(Browser browser, String path, String json) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/json'}, body: arguments[1]})"
                        + ".then(async r => done({status: r.status, body: await r.text()}))"
                        + ".catch(e => done({status: -1, body: String(e)}));", path, json);
    }

    private JsonObject me(String cookies) throws Exception {
        HttpResponse<String> r = send("GET", "api/me", null, cookies, Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return RawMcp.json(r.body()).asJsonObject();
    }

    private String cookieHeader(Browser browser) {
        return browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private String cookiesOf(HttpClient client) {
        CookieManager manager = (CookieManager) client.cookieHandler().orElseThrow();
        return manager.getCookieStore().get(base).stream().map(Object::toString).collect(Collectors.joining("; "));
    }

    /** Through /mcp with a machine token from Keycloak: /v1 is closed to anonymous callers when identity is on. */
    private int addUser(String name, String surname, String email) throws Exception {
        assertEquals(401, send("POST", "v1/users", "{}", null, Map.of()).statusCode(), "/v1 is closed to anonymous callers");
        Map<String, String> bearer = Map.of("Authorization", "Bearer "
                + Keycloak.clientCredentialsToken("mcp-test-machine", "machine-secret", "users:read users:write users:delete"));
        RawMcp mcp = new RawMcp(base);
        HttpResponse<String> init = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null, bearer);
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session, bearer);
        HttpResponse<String> added = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"add_user\","
                + "\"arguments\":{\"name\":\"" + name + "\",\"surname\":\"" + surname + "\",\"email\":\"" + email
                + "\",\"about_me\":\"x\"}}}", session, bearer);
        assertEquals(200, added.statusCode(), added.body());
        return RawMcp.responseOf(added).getJsonObject("result").getJsonObject("structuredContent").getInt("id");
    }

    /** The tools of our own /mcp as the console lists them for the person of {@code cookies}. */
    private List<String> consoleTools(String cookies) throws Exception {
        HttpResponse<String> tools = send("GET", "api/tools", null, cookies, Map.of());
        assertEquals(200, tools.statusCode(), tools.body());
        JsonObject users = RawMcp.json(tools.body()).asJsonObject().getJsonArray("servers").getValuesAs(JsonObject.class).stream()
                .filter(server -> server.getString("name").equals("users")).findFirst().orElseThrow();
        assertTrue(users.getBoolean("available"), users.toString());
        return users.getJsonArray("tools").getValuesAs(JsonObject.class).stream().map(t -> t.getString("name")).sorted().toList();
    }

    private HttpResponse<String> send(String method, String path, String body, String cookies, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        if (cookies != null) {
            b.header("Cookie", cookies);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonString jsonString(String s) {
        return dev.jakartamcp.mcp.protocol.JsonCodec.provider().createValue(s);
    }
}
