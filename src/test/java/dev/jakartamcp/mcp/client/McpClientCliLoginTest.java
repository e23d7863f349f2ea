package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.client.auth.OAuthSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * login, the commands after it, and logout, against a local MCP server whose authorization server
 * approves at once; the "browser" is an HTTP client that follows the authorization redirect.
 */
class McpClientCliLoginTest {

    @TempDir
    Path dir;

    OAuthSite site;
    Path tokens;

    @BeforeEach
    void start() throws Exception {
        site = new OAuthSite("s");
        tokens = dir.resolve("cfg").resolve("tokens.json");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    record Run(int exit, String out, String err) {
    }

    Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--protocol", "2025-11-25", "--token-file", tokens.toString()));
        int exit = McpClientCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loginStoresOwnerOnlyTokensThatLaterCommandsUseUntilLogout() throws Exception {
        Run before = cli("tools", site.mcpUrl());
        assertEquals(McpClientCli.LOGIN_REQUIRED, before.exit, before.err);
        assertEquals("error: not signed in to " + site.mcpUrl() + " (authorization server " + site.base + "). Sign in first: "
                + "java -jar mcp-client.jar login " + site.mcpUrl() + " --token-file " + tokens + "\n", before.err);
        assertFalse(Files.exists(tokens), "a command without a login writes nothing");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> McpClientCli.run(new String[]{"login", site.mcpUrl(),
                "--no-browser", "--client-id", "cli", "--protocol", "2025-11-25", "--token-file", tokens.toString()},
                new PrintStream(new ByteArrayOutputStream()), errStream));
        URI authorize = awaitPrinted(err);
        assertTrue(authorize.getRawQuery().contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"), authorize.toString());
        // the browser: the authorization server redirects it to the loopback listener, which answers with a page
        HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("Signed in"), page.body());
        assertEquals(0, login.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("signed in to " + site.mcpUrl()), err.toString(StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)));

        Run tools = cli("tools", site.mcpUrl());
        assertEquals(0, tools.exit, tools.err);
        assertTrue(site.authorizationHeaders.contains("Bearer " + site.token(1)), site.authorizationHeaders.toString());
        assertEquals(1, site.tokenRequests.size(), "the later command used the stored token, no new one");

        Run logout = cli("logout", site.mcpUrl());
        assertEquals(0, logout.exit);
        assertEquals("removed the sign-in for " + site.mcpUrl() + " from " + site.base + " (" + tokens + "); revoked at " + site.base + "\n",
                logout.err);
        // RFC 7009, as the public client that signed in: the refresh token, then the access token
        assertEquals(2, site.revocations.size(), site.revocations.toString());
        assertEquals(List.of("refresh-of-s"), site.revocations.get(0).get("token"));
        assertEquals(List.of("refresh_token"), site.revocations.get(0).get("token_type_hint"));
        assertEquals(List.of(site.token(1)), site.revocations.get(1).get("token"));
        assertEquals(List.of("cli"), site.revocations.get(1).get("client_id"));
        Run after = cli("tools", site.mcpUrl());
        assertEquals(McpClientCli.LOGIN_REQUIRED, after.exit, after.err);
        Run again = cli("logout", site.mcpUrl());
        assertEquals("no sign-in stored for " + site.mcpUrl() + " in " + tokens + "\n", again.err);
    }

    @Test
    void aLoginWhoseRedirectNamesAnotherIssuerIsRefusedAndStoresNothing() throws Exception {
        site.redirectIss = "https://attacker.example";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> McpClientCli.run(new String[]{"login", site.mcpUrl(),
                "--no-browser", "--client-id", "cli", "--protocol", "2025-11-25", "--token-file", tokens.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        URI authorize = awaitPrinted(err);
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(McpClientCli.FAILURE, login.get(30, TimeUnit.SECONDS));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("error: the authorization response comes from issuer https://attacker.example, not " + site.base
                + ": refused"), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
        assertTrue(site.tokenRequests.isEmpty(), "the code was never exchanged");
        assertFalse(Files.exists(tokens) && Files.readString(tokens).contains("access_token"));
    }

    private URI awaitPrinted(ByteArrayOutputStream err) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(site.base + "/authorize?")) {
                    return URI.create(line.trim());
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("login printed no authorization URL: " + err);
    }

    @Test
    void loginWithoutAnyoneComingBackGivesUpAtTheTimeout() {
        long start = System.nanoTime();
        Run run = cli("login", site.mcpUrl(), "--no-browser", "--client-id", "cli", "--login-timeout", "1s");
        assertEquals(McpClientCli.FAILURE, run.exit);
        assertTrue(run.err.contains("error: no sign-in came back within 1 s"), run.err);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
        assertFalse(Files.exists(tokens) && readQuietly(tokens).contains("access_token"));
    }

    @Test
    void wrongOptionsAreClearErrors() {
        Run secret = cli("login", site.mcpUrl(), "--client-id", "m", "--client-secret", "s");
        assertEquals(McpClientCli.FAILURE, secret.exit);
        assertTrue(secret.err.startsWith("error: login signs a person in"), secret.err);
        Run noId = cli("tools", site.mcpUrl(), "--client-secret", "s");
        assertEquals("error: --client-secret needs --client-id\n", noId.err);
        Run timeout = cli("login", site.mcpUrl(), "--login-timeout", "soon");
        assertEquals("error: not a duration: soon (use e.g. 300, 90s, 5m)\n", timeout.err);
        ByteArrayOutputStream missing = new ByteArrayOutputStream();
        assertEquals(McpClientCli.FAILURE, McpClientCli.run(new String[]{"tools", site.mcpUrl(), "--token-file"}, System.out,
                new PrintStream(missing, true, StandardCharsets.UTF_8)));
        assertEquals("error: --token-file needs a value\n", missing.toString(StandardCharsets.UTF_8));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofSeconds(300), McpClientCli.duration("300", null));
        assertEquals(Duration.ofSeconds(90), McpClientCli.duration("90s", null));
        assertEquals(Duration.ofMinutes(5), McpClientCli.duration("5m", null));
        assertEquals(Duration.ofHours(1), McpClientCli.duration("1h", null));
        assertEquals(Duration.ofMinutes(5), McpClientCli.duration(null, Duration.ofMinutes(5)));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
