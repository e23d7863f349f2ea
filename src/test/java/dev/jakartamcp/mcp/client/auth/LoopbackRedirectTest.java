package dev.jakartamcp.mcp.client.auth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackRedirectTest {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theFirstRedirectIsTakenTheBrowserToldToCloseTheTabAndTheListenerStops() throws Exception {
        AtomicReference<URI> shown = new AtomicReference<>();
        LoopbackRedirect loopback = LoopbackRedirect.start(Duration.ofSeconds(10), shown::set);
        URI redirect = loopback.redirectUri();
        assertTrue(redirect.toString().matches("http://127\\.0\\.0\\.1:\\d+/callback"), redirect.toString());
        assertTrue(redirect.getPort() > 0);

        CompletableFuture<URI> result = CompletableFuture.supplyAsync(() -> {
            try {
                return loopback.authorize(URI.create("https://as.example/authorize?x=1"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // a stray request first (a favicon): not the redirect
        assertEquals(404, http.send(HttpRequest.newBuilder(redirect.resolve("/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(redirect + "?code=abc&state=s1&iss=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("You can close this tab"), page.body());
        assertFalse(page.body().contains("abc"), "nothing from the request is echoed into the page");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));

        assertEquals(URI.create(redirect + "?code=abc&state=s1&iss=x"), result.get());
        assertEquals(URI.create("https://as.example/authorize?x=1"), shown.get());
        assertThrows(java.io.IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create(redirect + "?code=again")).build(),
                HttpResponse.BodyHandlers.ofString()), "nobody listens after the one redirect");
    }

    @Test
    void withoutARedirectItGivesUpAtTheTimeoutAndStopsListening() throws Exception {
        LoopbackRedirect loopback = LoopbackRedirect.start(Duration.ofMillis(300), url -> { });
        URI redirect = loopback.redirectUri();
        long start = System.nanoTime();
        AuthorizationException e = assertThrows(AuthorizationException.class, () -> loopback.authorize(URI.create("https://as.example/a")));
        assertTrue(e.getMessage().startsWith("no sign-in came back within"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        assertThrows(java.io.IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create(redirect + "?code=late")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
