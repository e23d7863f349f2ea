package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The side doors of issue 10 (section 5), tried as an attacker would against the real WAR: a
 * cross-site "simple request" to the tools console, a DNS-rebinding Host on every kind of path,
 * and what the raw user service hands out. Each is refused and nothing changes.
 */
@ExtendWith(ArquillianExtension.class)
class SideDoorsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL deployed;

    URI base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void connect() {
        base = Deployments.localBase(deployed);
    }

    @Test
    void aCrossSiteTextPlainDeleteFromAnotherPageDeletesNothing() throws Exception {
        assertEquals(200, get("v1/users/999").statusCode());
        // what fetch(..., {mode: "no-cors", headers: {"Content-Type": "text/plain"}}) sends from another site
        HttpResponse<String> crossSite = post("api/tools/users/delete_user", "{\"id\":999}",
                Map.of("Content-Type", "text/plain", "Origin", "http://evil.example"));
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertTrue(crossSite.body().contains("Origin not allowed"), crossSite.body());
        // the same without an Origin (a non-browser client) is still no form or text post
        HttpResponse<String> textPlain = post("api/tools/users/delete_user", "{\"id\":999}", Map.of("Content-Type", "text/plain"));
        assertEquals(415, textPlain.statusCode(), textPlain.body());
        assertEquals(200, get("v1/users/999").statusCode(), "user 999 is still there");
    }

    @Test
    void theToolsConsoleDeletesNothingNobodyConfirmed() throws Exception {
        // same-origin JSON: the console reaches the tool, which refuses without a confirmation (on
        // 2026-07-28, what the console speaks with our /mcp, the server refuses before it runs)
        HttpResponse<String> r = post("api/tools/users/delete_user", "{\"id\":998}",
                Map.of("Content-Type", "application/json", "Origin", "http://localhost:" + base.getPort()));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject result = RawMcp.json(r.body()).asJsonObject();
        assertTrue(result.getBoolean("isError"), r.body());
        assertTrue(result.getString("text").contains("NOT deleted"), r.body());
        assertEquals(200, get("v1/users/998").statusCode(), "user 998 is still there");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1/users/1", "api/tools", "mcp", "", "chat.js"})
    void aForeignHostGets421OnEveryPath(String path) throws IOException {
        // what a DNS-rebinding page sends: its own name, resolved to this server's address
        String answer = rawGet("/" + path, "evil.example:" + base.getPort());
        assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
        assertFalse(answer.contains("4711"), "no user data: " + answer);
        assertTrue(rawGet("/" + path, "localhost:" + base.getPort()).matches("(?s)HTTP/1\\.1 [2-4]\\d\\d.*"),
                "our own name is answered");
        assertFalse(rawGet("/" + path, "localhost:" + base.getPort()).startsWith("HTTP/1.1 421"));
    }

    @Test
    void theUserServiceSendsNoCvvAndNoWholeCardNumber() throws Exception {
        JsonObject user = RawMcp.json(get("v1/users/1").body()).asJsonObject();
        JsonObject card = user.getJsonObject("credit_card");
        assertTrue(card.getString("num").matches("\\*{4}-\\*{4}-\\*{4}-\\d{4}"), card.toString());
        assertFalse(card.containsKey("cvv"), card.toString());
    }

    @Test
    void theUserServiceTakesBodiesOnlyAsJson() throws Exception {
        int before = RawMcp.json(get("v1/users").body()).asJsonArray().size();
        HttpResponse<String> form = post("v1/users", "name=Eve&surname=X&email=eve@example.org&about_me=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(415, form.statusCode(), form.body());
        HttpResponse<String> crossSite = post("v1/users", "{\"name\":\"Eve\",\"surname\":\"X\",\"email\":\"eve@example.org\",\"about_me\":\"x\"}",
                Map.of("Content-Type", "application/json", "Origin", "http://evil.example"));
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertEquals(before, RawMcp.json(get("v1/users").body()).asJsonArray().size(), "nothing created");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** java.net.http will not send a Host of our choosing, so this one request goes over a plain socket. */
    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json, text/event-stream\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
