package dev.jakartamcp.mcp.client.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The redirect of a native application's authorization (RFC 8252 §7.3): a listener on the loopback
 * address at a port the system picks, {@code http://127.0.0.1:<port>/callback}. It shows the
 * authorization URL to the person, takes the first redirect that reaches /callback, answers the
 * browser with a page saying the tab may be closed, and stops listening: after that one redirect,
 * or when the person has not come back within the timeout. The OAuth client checks the redirect
 * (state, iss); this class only carries it.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#communication-security
 */
public final class LoopbackRedirect implements AuthorizationCallback, AutoCloseable {

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>jakarta-mcp sign-in</title></head>
            <body style="font-family:sans-serif;margin:3em"><h1>%s</h1><p>You can close this tab and return to the terminal.</p></body></html>
            """;

    private final HttpServer server;
    private final Duration timeout;
    private final Consumer<URI> show;
    private final CompletableFuture<URI> redirect = new CompletableFuture<>();

    private LoopbackRedirect(HttpServer server, Duration timeout, Consumer<URI> show) {
        this.server = server;
        this.timeout = timeout;
        this.show = show;
    }

    /** Listens on 127.0.0.1 at an ephemeral port; {@code show} puts the authorization URL before the person. */
    public static LoopbackRedirect start(Duration timeout, Consumer<URI> show) throws IOException {
        // the literal loopback address, not "localhost", which may resolve elsewhere (RFC 8252 §8.3)
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), 0), 4);
        LoopbackRedirect loopback = new LoopbackRedirect(server, timeout, show);
        server.createContext("/", loopback::handle);
        server.start(); // its one dispatcher thread: the browser's requests are answered one after another
        return loopback;
    }

    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI received = null;
        try (exchange) {
            exchange.getRequestBody().close();
            boolean callback = exchange.getRequestURI().getPath().equals("/callback") && exchange.getRequestMethod().equals("GET");
            if (!callback || redirect.isDone()) {
                exchange.sendResponseHeaders(404, -1); // a favicon, a second redirect, a stranger's probe
                return;
            }
            URI uri = redirectUri().resolve("/callback" + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()));
            boolean refused = uri.getRawQuery() != null && uri.getRawQuery().matches("(^|.*&)error=.*");
            // the text is fixed: nothing from the request is echoed into the page
            byte[] page = PAGE.formatted(refused ? "Sign-in was not completed" : "Signed in").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.getResponseBody().flush();
            received = uri;
        }
        if (received != null) {
            redirect.complete(received); // after the page went out: the listener may stop now
        }
    }

    @Override
    public URI authorize(URI authorizationUrl) throws InterruptedException {
        show.accept(authorizationUrl);
        try {
            return redirect.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AuthorizationException("no sign-in came back within " + timeout.toSeconds() + " s: gave up waiting");
        } catch (ExecutionException e) {
            throw new AuthorizationException("sign-in failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        server.stop(1); // an exchange still finishing gets up to a second
    }
}
