package dev.jakartamcp.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The agent signs a person in to another OAuth-protected MCP server: a server written with the
 * official TypeScript SDK (src/test/node/ts-protected-server.mjs on 18190) that accepts only
 * Keycloak access tokens issued for it. In headless Chromium, alice signs in to the chat, asks for
 * her note, is shown "notes needs you to sign in", signs in at Keycloak in a new tab, and the
 * tool's answer reaches the chat; bob, in a fresh browser, is asked to sign in too (he never gets
 * alice's token) and gets his own note. The stored tokens are sealed: the database files do not
 * contain the token the TypeScript server accepted.
 */
@ExtendWith(ArquillianExtension.class)
class AgentOAuthIT {

    static final int PORT = Servers.wildFly() ? 28080 : 18080;
    static final int NOTES_PORT = 18190;
    static final String NOTES = "http://localhost:" + NOTES_PORT + "/mcp";
    static final FakeLlm LLM = new FakeLlm("openai");
    /** A fixed test key: agent.oauth.token-key is base64 of 32 bytes. */
    static final String TOKEN_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    static Process notes;
    static final List<String> notesLog = new CopyOnWriteArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig(
                "agent.llm.endpoint=" + LLM.endpoint() + "\n"
                        + "agent.llm.api-key=" + FakeLlm.KEY + "\n"
                        + "agent.llm.model=" + FakeLlm.MODEL + "\n"
                        + "agent.mcp.servers=users=/mcp,notes=" + NOTES + "\n"
                        + "agent.mcp.servers.notes.oauth.client-id=jakarta-mcp-agent\n"
                        + "agent.mcp.servers.notes.oauth.client-secret=agent-secret\n"
                        + "agent.oauth.token-key=" + TOKEN_KEY + "\n"
                        + "auth.issuer=" + Keycloak.ISSUER + "\n"
                        + "auth.client-id=" + Keycloak.CHAT_CLIENT + "\n"
                        + "auth.client-secret=" + Keycloak.CHAT_SECRET + "\n"
                        + "auth.roles-claim=realm_access.roles\n"
                        + "app.base-url=http://localhost:" + PORT + "\n");
    }

    @ArquillianResource
    URL deployed;

    URI base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startNotesServer() throws Exception {
        assumeFalse(Boolean.getBoolean("skipKeycloak"), "-DskipKeycloak: the build did not start Keycloak");
        File dir = new File(System.getProperty("ts.client.dir", "src/test/node"));
        notes = new ProcessBuilder(new File(dir, "node_modules/.bin/node").getAbsolutePath(), "ts-protected-server.mjs",
                String.valueOf(NOTES_PORT), Keycloak.ISSUER).directory(dir).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(notes.getInputStream(), StandardCharsets.UTF_8));
        String started = null;
        for (String line; (line = lines.readLine()) != null; ) {
            System.out.println("[ts-protected-server] " + line);
            if (line.startsWith("listening ")) {
                started = line;
                break;
            }
        }
        assertNotNull(started, "the protected TypeScript server did not start");
        Thread drain = new Thread(() -> lines.lines().forEach(l -> {
            notesLog.add(l);
            System.out.println("[ts-protected-server] " + l);
        }));
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopNotesServer() throws InterruptedException {
        if (notes != null) {
            notes.destroy();
            if (!notes.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                notes.destroyForcibly().waitFor();
            }
        }
    }

    @BeforeEach
    void connect() {
        base = Deployments.localBase(deployed);
        assertEquals(PORT, base.getPort(), "the realm's redirect URIs name this port");
    }

    /** The TypeScript server on its own: no token, a 401 naming its RFC 9728 metadata, which names Keycloak. */
    @Test
    void theNotesServerIsProtectedByKeycloak() throws Exception {
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create(NOTES))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(RawMcp.initializeBody(1, "2025-11-25"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bare.statusCode(), bare.body());
        String challenge = bare.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("resource_metadata=\"http://localhost:" + NOTES_PORT + "/.well-known/oauth-protected-resource/mcp\""), challenge);
        HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + NOTES_PORT + "/.well-known/oauth-protected-resource/mcp")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metadata.statusCode());
        var json = RawMcp.json(metadata.body()).asJsonObject();
        assertEquals(NOTES, json.getString("resource"));
        assertEquals(Keycloak.ISSUER, json.getJsonArray("authorization_servers").getString(0));
        // a Keycloak token for another resource (our own /mcp) is refused: the audience is checked
        String other = Keycloak.clientCredentialsToken("mcp-test-machine", "machine-secret", "users:read");
        HttpResponse<String> wrongAudience = http.send(HttpRequest.newBuilder(URI.create(NOTES))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + other)
                .POST(HttpRequest.BodyPublishers.ofString(RawMcp.initializeBody(1, "2025-11-25"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrongAudience.statusCode(), wrongAudience.body());
    }

    /** Our callback: nothing waits for an unknown state, and a browser not signed in to the chat is told to sign in first. */
    @Test
    void theCallbackFinishesOnlyASignInThatWaits() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve("agent/oauth/callback?code=x&state=y")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.body().contains("Sign in to the chat first"), anonymous.body());
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(base.toString());
            signInOnKeycloaksPage(browser, "alice", "alice-password");
            assertTrue(browser.await(By.id("who")).getText().contains("alice"));
            browser.driver.get(base.resolve("agent/oauth/callback?code=forged&state=nobody-waits-for-this").toString());
            assertEquals("Sign-in expired", browser.await(By.id("auth-title")).getText());
        }
    }

    @Test
    void aliceSignsInToTheNotesServerFromTheChatAndBobIsAskedToo() throws Exception {
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(base.toString());
            signInOnKeycloaksPage(browser, "alice", "alice-password");
            assertTrue(browser.await(By.id("who")).getText().contains("alice"), browser.driver.getPageSource());
            String note = askForTheNoteAndSignIn(browser, "alice");
            assertTrue(note.contains("Note for alice"), note);
            browser.screenshot("agent-oauth-alice");

            // her token is kept: the next turn uses it without asking
            sendMessage(browser, "Please read my note again");
            browser.waitUntil(d -> d.findElements(By.cssSelector(".tool-result")).size() >= 2 ? Boolean.TRUE : null);
            assertEquals(1, browser.driver.findElements(By.cssSelector(".msg.sign-in")).size(), "no second sign-in for alice");
            assertTrue(browser.driver.findElements(By.cssSelector(".tool-result")).get(1).getAttribute("textContent").contains("Note for alice"));
        }
        String aliceTail = acceptedTail("alice");
        assertSealedAtRest(aliceTail);

        // bob, in a fresh browser profile: alice's token is not his, he is asked to sign in himself
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(base.toString());
            signInOnKeycloaksPage(browser, "bob", "bob-password");
            assertTrue(browser.await(By.id("who")).getText().contains("bob"), browser.driver.getPageSource());
            String note = askForTheNoteAndSignIn(browser, "bob");
            assertTrue(note.contains("Note for bob"), note);
            browser.screenshot("agent-oauth-bob");
        }
        assertFalse(notesLog.stream().anyMatch(l -> l.startsWith("accepted bob ") && l.endsWith(aliceTail)), "bob never sent alice's token");
    }

    /** Sends "read my note", follows the sign-in prompt in a new tab, and returns the tool's result as the chat shows it. */
    private String askForTheNoteAndSignIn(Browser browser, String user) {
        sendMessage(browser, "Please read my note");
        WebElement button = browser.await(By.cssSelector("a.sign-in-server"));
        assertEquals("notes", button.getAttribute("data-server"));
        assertTrue(browser.driver.findElement(By.cssSelector(".msg.sign-in")).getText().contains("The MCP server notes needs you to sign in"));
        String chat = browser.driver.getWindowHandle();
        Set<String> before = browser.driver.getWindowHandles();
        button.click();
        String tab = browser.waitUntil(d -> d.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElse(null));
        browser.driver.switchTo().window(tab);
        // Keycloak knows the person from the chat's sign-in (single sign-on): its form shows only when it does not
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "agent/oauth/callback") || !d.findElements(By.id("username")).isEmpty()
                ? Boolean.TRUE : null);
        if (!browser.driver.getCurrentUrl().startsWith(base.toString())) {
            signInOnKeycloaksPage(browser, user, user + "-password");
        }
        assertEquals("Signing in to notes", browser.await(By.id("auth-title")).getText(), browser.driver.getPageSource());
        assertTrue(browser.driver.getCurrentUrl().startsWith("http://localhost:" + PORT + "/agent/oauth/callback?"),
                "the redirect URI from app.base-url: " + browser.driver.getCurrentUrl());
        browser.driver.close();
        browser.driver.switchTo().window(chat);
        WebElement outcome = browser.await(By.cssSelector(".sign-in-outcome"));
        assertEquals("Signed in.", outcome.getText());
        // the answer streamed after the tool's result; the result itself sits in a closed tool card
        browser.waitUntil(d -> d.getPageSource().contains("The notes server said:") ? Boolean.TRUE : null);
        List<WebElement> results = browser.driver.findElements(By.cssSelector(".tool-result"));
        return results.get(results.size() - 1).getAttribute("textContent");
    }

    private static void sendMessage(Browser browser, String text) {
        WebElement input = browser.await(By.id("input"));
        input.sendKeys(text);
        browser.driver.findElement(By.id("send")).click();
    }

    /** The last 32 characters of the token the notes server accepted for this user (it logs them). */
    private static String acceptedTail(String user) {
        List<String> accepted = notesLog.stream().filter(l -> l.startsWith("accepted " + user + " ")).toList();
        assertFalse(accepted.isEmpty(), "the notes server accepted a token for " + user + ": " + notesLog);
        String line = accepted.get(accepted.size() - 1);
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    /**
     * The application's H2 files hold the row (its resource column, stored as is, is found) but
     * not the token: only its sealed form (JWE, A256GCM).
     */
    private static void assertSealedAtRest(String tokenTail) throws Exception {
        byte[] resource = NOTES.getBytes(StandardCharsets.UTF_8);
        byte[] token = tokenTail.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Path> withRow = List.of();
        while (System.nanoTime() < deadline) {
            withRow = databaseFiles().stream().filter(p -> contains(read(p), resource)).toList();
            if (!withRow.isEmpty()) {
                break;
            }
            Thread.sleep(500); // H2 writes its pages a moment after the commit
        }
        assertFalse(withRow.isEmpty(), "a database file holds the token row: " + databaseFiles());
        for (Path p : withRow) {
            assertFalse(contains(read(p), token), "the token is stored in plain text in " + p);
        }
    }

    private static List<Path> databaseFiles() throws IOException {
        Path root = Servers.wildFly() ? Path.of(System.getProperty("wildfly.it.data", "target/wildfly-it-data")) : Path.of("target");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 8)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).collect(Collectors.toCollection(ArrayList::new));
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
}
