package dev.jakartamcp.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The command line against our /mcp protected by a real Keycloak: target/mcp-client.jar runs as a
 * process. A machine client (client_credentials) calls a tool; a person logs in through Keycloak's
 * page in headless Chromium, the tokens land in an owner-only file, later commands use them, and
 * after logout a command says to log in.
 */
@ExtendWith(ArquillianExtension.class)
class CliLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig("auth.issuer=" + Keycloak.ISSUER + "\nauth.roles-claim=realm_access.roles\n");
    }

    @BeforeAll
    static void keycloakStarted() {
        assumeFalse(Boolean.getBoolean("skipKeycloak"), "-DskipKeycloak: the build did not start Keycloak");
    }

    @ArquillianResource
    URL deployed;

    @TempDir
    Path home;

    String mcp;

    @BeforeEach
    void connect() {
        mcp = Deployments.localBase(deployed).resolve("mcp").toString();
    }

    @Test
    void aMachineClientCallsAToolWithClientCredentials() throws Exception {
        Path tokens = home.resolve("machine.json");
        Cli call = cli("call", mcp, "get_user_by_id", "{\"id\":1}", "--client-id", "mcp-test-machine", "--client-secret", "machine-secret",
                "--token-file", tokens.toString());
        assertEquals(0, call.exit, call.err);
        assertTrue(call.out.contains("Karen"), call.out);
        assertFalse(Files.exists(tokens), "a machine client's token is kept in memory only");

        // a write needs users:write: the client steps up with client_credentials, no person involved
        Cli add = cli("call", mcp, "add_user", "{\"name\":\"Cli\",\"surname\":\"Machine\",\"email\":\"cli.machine@example.org\",\"about_me\":\"Added from the command line\"}",
                "--client-id", "mcp-test-machine", "--client-secret", "machine-secret");
        assertEquals(0, add.exit, add.err + add.out);

        // the secret from the environment instead of the command line (where ps would show it)
        Cli fromEnvironment = run(Map.of("MCP_CLIENT_SECRET", "machine-secret"), "tools", mcp, "--client-id", "mcp-test-machine",
                "--token-file", tokens.toString());
        assertEquals(0, fromEnvironment.exit, fromEnvironment.err);
        assertTrue(fromEnvironment.out.contains("get_user_by_id"), fromEnvironment.out);

        Cli wrongSecret = cli("tools", mcp, "--client-id", "mcp-test-machine", "--client-secret", "not-the-secret");
        assertEquals(1, wrongSecret.exit);
        assertTrue(wrongSecret.err.startsWith("error: the token endpoint of " + Keycloak.ISSUER + " refused"), wrongSecret.err);
        assertFalse(wrongSecret.err.contains("\tat "), "no stack trace: " + wrongSecret.err);

        Cli nobody = cli("tools", mcp, "--token-file", tokens.toString());
        assertEquals(3, nobody.exit, nobody.err);
        assertTrue(nobody.err.contains("login " + mcp), nobody.err);
    }

    @Test
    void aPersonLogsInThroughTheBrowserAndLaterCommandsUseTheTokens() throws Exception {
        Path tokens = home.resolve("config").resolve("jakarta-mcp").resolve("tokens.json");
        // all three scopes: the server lists a person only the tools their token's scopes allow
        Process login = start("login", mcp, "--no-browser", "--client-id", "mcp-cli", "--token-file", tokens.toString(),
                "--login-timeout", "120", "--scope", "users:read users:write users:delete");
        StringBuilder errors = new StringBuilder();
        CompletableFuture<URI> printed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(login.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (errors) {
                        errors.append(line).append('\n');
                    }
                    if (line.startsWith("http")) {
                        printed.complete(URI.create(line.trim()));
                    }
                }
            } catch (Exception e) {
                printed.completeExceptionally(e);
            }
            printed.completeExceptionally(new AssertionError("login printed no URL: " + errors));
        });
        reader.start();
        URI authorize = printed.get(60, TimeUnit.SECONDS);
        assertTrue(authorize.toString().startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?"), authorize.toString());
        assertTrue(authorize.getRawQuery().contains("code_challenge_method=S256"), authorize.toString());
        assertTrue(authorize.getRawQuery().contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"), "a loopback redirect: " + authorize);

        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(authorize.toString());
            WebElement username = browser.await(By.id("username"));
            username.sendKeys("alice");
            browser.driver.findElement(By.id("password")).sendKeys("alice-password");
            browser.driver.findElement(By.id("kc-login")).click();
            browser.waitUntil(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:") ? true : null);
            assertTrue(browser.await(By.tagName("h1")).getText().contains("Signed in"), browser.driver.getPageSource());
        }
        assertTrue(login.waitFor(60, TimeUnit.SECONDS), "login ends after the redirect");
        reader.join(5000);
        assertEquals(0, login.exitValue(), errors.toString());
        assertTrue(errors.toString().contains("signed in to " + mcp), errors.toString());

        assertTrue(Files.exists(tokens));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.getParent())));
        String stored = Files.readString(tokens);
        assertTrue(stored.contains("\"resource\":\"" + mcp + "\"") && stored.contains("\"issuer\":\"" + Keycloak.ISSUER + "\""), stored);
        assertTrue(stored.contains("\"client_id\":\"mcp-cli\""), "the client that logged in is remembered for refreshes: " + stored);

        // no --client-id now: the token file knows the rest
        Cli tools = cli("tools", mcp, "--token-file", tokens.toString());
        assertEquals(0, tools.exit, tools.err);
        assertEquals(5, tools.out.lines().count(), tools.out);
        assertTrue(tools.out.contains("get_user_by_id") && tools.out.contains("delete_user"), tools.out);
        Cli call = cli("call", mcp, "get_user_by_id", "{\"id\":1}", "--token-file", tokens.toString());
        assertEquals(0, call.exit, call.err);
        assertTrue(call.out.contains("Karen"), call.out);

        // the stored refresh token works at Keycloak as mcp-cli's (so its refusal after logout means something)
        String refreshToken = RawMcp.json(stored).asJsonObject().getJsonArray("tokens").getJsonObject(0).getString("refresh_token");
        assertEquals(200, refresh(refreshToken).statusCode());

        Cli logout = cli("logout", mcp, "--token-file", tokens.toString());
        assertEquals(0, logout.exit, logout.err);
        assertTrue(logout.err.contains("removed the sign-in for " + mcp + " from " + Keycloak.ISSUER), logout.err);
        assertTrue(logout.err.contains("revoked at " + Keycloak.ISSUER), logout.err);
        HttpResponse<String> revoked = refresh(refreshToken);
        assertEquals(400, revoked.statusCode(), "revoked at Keycloak (RFC 7009): " + revoked.body());
        assertTrue(revoked.body().contains("invalid_grant"), revoked.body());
        assertFalse(Files.readString(tokens).contains("access_token"), "the token is gone from the file");

        Cli after = cli("tools", mcp, "--token-file", tokens.toString());
        assertEquals(3, after.exit, after.err);
        assertTrue(after.err.startsWith("error: not signed in to " + mcp), after.err);
        assertTrue(after.err.contains("java -jar mcp-client.jar login " + mcp), after.err);
        assertFalse(after.err.contains("\tat "), "no stack trace: " + after.err);
    }

    private record Cli(int exit, String out, String err) {
    }

    private static HttpResponse<String> refresh(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=mcp-cli&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Keycloak.TOKEN_ENDPOINT))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Process start(String... args) throws Exception {
        return start(Map.of(), args);
    }

    private static Process start(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Djava.awt.headless=true", "-jar",
                new File("target/mcp-client.jar").getAbsolutePath()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("MCP_CLIENT_SECRET");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Cli cli(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private static Cli run(Map<String, String> environment, String... args) throws Exception {
        Process p = start(environment, args);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Cli(p.exitValue(), out, err.get(10, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
