package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Losing a session: what is sent again, single-flight recovery, initialize's timeout, a shared HttpClient. */
class McpClientSessionTest {

    private static final String TOOLS = "{\"tools\":["
            + "{\"name\":\"add_user\",\"inputSchema\":{\"type\":\"object\"},\"annotations\":{\"readOnlyHint\":false,\"idempotentHint\":false}},"
            + "{\"name\":\"get_user\",\"inputSchema\":{\"type\":\"object\"},\"annotations\":{\"readOnlyHint\":true}},"
            + "{\"name\":\"set_email\",\"inputSchema\":{\"type\":\"object\"},\"annotations\":{\"readOnlyHint\":false,\"idempotentHint\":true}},"
            + "{\"name\":\"no_hints\",\"inputSchema\":{\"type\":\"object\"}}]}";

    private static String result(Object id, String json) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + json + "}";
    }

    private static String toolResult(Object id, String text) {
        return result(id, "{\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}");
    }

    private static final String GONE = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"gone\"}}";

    /**
     * Session s1's tools/call streams are cut after their priming event, and s1 is gone by the time
     * the client resumes (404); on s2 every call is answered at once.
     */
    private static ScriptedServer sessionEndsWhileStreaming() throws IOException {
        AtomicInteger sessions = new AtomicInteger();
        return new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s" + sessions.incrementAndGet());
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/list".equals(method)) {
                ScriptedServer.json(exchange, 200, result(body.get("id"), TOOLS), null);
            } else if ("tools/call".equals(method) && "s1".equals(session)) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: 1-1\nretry: 50\ndata:\n\n");
            } else if ("tools/call".equals(method)) {
                ScriptedServer.json(exchange, 200, toolResult(body.get("id"), "ok from " + session), null);
            } else if ("GET".equals(exchange.getRequestMethod()) && "s1".equals(session)) {
                ScriptedServer.json(exchange, 404, GONE, null);
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        });
    }

    @Test
    void a404WhileResumingAToolThatChangesDataIsOutcomeUnknownAndNeverSentAgain() throws Exception {
        try (ScriptedServer server = sessionEndsWhileStreaming(); McpClient client = McpClient.builder(server.url()).connect()) {
            client.listTools();
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> client.callTool("add_user", null));
            assertTrue(e.sessionLost());
            assertEquals(404, e.httpStatus());
            assertTrue(e.getMessage().contains("may or may not have run"), e.getMessage());
            assertEquals(1, server.count("tools/call"), "add_user was sent once");
            assertEquals(1, server.seen.stream().filter(s -> s.lastEventId() != null).count(), "resumed once, got 404");
            assertEquals("ok from s2", client.callTool("get_user", null).text(), "the next call gets a new session");
            assertEquals(2, server.count("initialize"));
        }
    }

    @Test
    void everyToolWithoutSafeHintsIsOutcomeUnknown() throws Exception {
        for (String tool : List.of("add_user", "no_hints", "not_listed")) {
            try (ScriptedServer server = sessionEndsWhileStreaming(); McpClient client = McpClient.builder(server.url()).connect()) {
                client.listTools();
                assertThrows(OutcomeUnknownException.class, () -> client.callTool(tool, null), tool);
                assertEquals(1, server.count("tools/call"), tool + " was sent once");
            }
        }
    }

    @Test
    void aToolThatIsReadOnlyOrIdempotentIsSentAgainOnTheNewSession() throws Exception {
        for (String tool : List.of("get_user", "set_email")) {
            try (ScriptedServer server = sessionEndsWhileStreaming(); McpClient client = McpClient.builder(server.url()).connect()) {
                client.listTools();
                assertEquals("ok from s2", client.callTool(tool, null).text(), tool);
                assertEquals(2, server.count("tools/call"));
                assertEquals(2, server.count("initialize"));
            }
        }
    }

    @Test
    void aToolIsOnlySafeOnceToolsListSaidSo() throws Exception {
        try (ScriptedServer server = sessionEndsWhileStreaming(); McpClient client = McpClient.builder(server.url()).connect()) {
            assertThrows(OutcomeUnknownException.class, () -> client.callTool("get_user", null), "unknown tools are not safe");
        }
    }

    @Test
    void a404OnThePostItselfIsSentAgainEvenForAToolThatChangesData() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s" + sessions.incrementAndGet());
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("s1".equals(session)) {
                ScriptedServer.json(exchange, 404, GONE, null);
            } else if ("tools/list".equals(method)) {
                ScriptedServer.json(exchange, 200, result(body.get("id"), TOOLS), null);
            } else {
                ScriptedServer.json(exchange, 200, toolResult(body.get("id"), "ran on " + session), null);
            }
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            assertEquals("ran on s2", client.callTool("add_user", null).text(),
                    "the server refused it before running it, so it runs once");
        }
    }

    @Test
    void parallelCallsThatLoseTheirSessionShareOneNewSessionAndLateCallsWaitForIt() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        CountDownLatch renewing = new CountDownLatch(1);
        CountDownLatch lateCallsStarted = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            if ("initialize".equals(method)) {
                int n = sessions.incrementAndGet();
                if (n > 1) {
                    renewing.countDown();
                    try {
                        lateCallsStarted.await(5, TimeUnit.SECONDS); // hold the new session back while late calls start
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s" + n);
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if (session == null) {
                ScriptedServer.json(exchange, 400, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"no session\"}}", null);
            } else if ("s1".equals(session) && restarted.get()) {
                ScriptedServer.json(exchange, 404, GONE, null);
            } else {
                ScriptedServer.json(exchange, 200, toolResult(body.get("id"), "ok from " + session), null);
            }
        }); McpClient client = McpClient.builder(server.url()).protocol("2025-11-25").requestTimeout(Duration.ofSeconds(20)).connect()) {
            assertEquals("ok from s1", client.callTool("t", null).text());
            restarted.set(true); // the server restarts: s1 is gone
            List<CompletableFuture<CallToolResult>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(client.callToolAsync("t", null));
            }
            assertTrue(renewing.await(10, TimeUnit.SECONDS), "a new session is being initialized");
            for (int i = 0; i < 4; i++) {
                calls.add(client.callToolAsync("t", null));
            }
            // let the late calls reach the gate before the new session exists
            Thread.sleep(100);
            lateCallsStarted.countDown();
            for (CompletableFuture<CallToolResult> call : calls) {
                assertEquals("ok from s2", call.get(20, TimeUnit.SECONDS).text());
            }
            assertEquals(2, server.count("initialize"), "exactly one new session for all of them");
            assertEquals(0, server.seen.stream().filter(s -> s.rpcMethod() != null && !"initialize".equals(s.rpcMethod())
                    && s.sessionId() == null).count(), "nothing went out without a session id");
            assertTrue(server.seen.stream().filter(s -> "tools/call".equals(s.rpcMethod()) && "s1".equals(s.sessionId())).count() <= 9,
                    "calls that started while the session was renewed waited for it");
            assertEquals("s2", client.sessionId());
        }
    }

    @Test
    void aFailedRenewalIsTriedAgainByTheNextCall() throws Exception {
        AtomicInteger initializes = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            if ("initialize".equals(method)) {
                int n = initializes.incrementAndGet();
                if (n == 2) {
                    ScriptedServer.json(exchange, 503, "", null); // still starting up
                } else {
                    ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s" + n);
                }
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("s1".equals(session)) {
                ScriptedServer.json(exchange, 404, GONE, null);
            } else {
                ScriptedServer.json(exchange, 200, toolResult(body.get("id"), "ok from " + session), null);
            }
        }); McpClient client = McpClient.builder(server.url()).connect()) {
            McpClientException e = assertThrows(McpClientException.class, () -> client.callTool("t", null));
            assertEquals(503, e.httpStatus());
            assertEquals("ok from s3", client.callTool("t", null).text());
        }
    }

    @Test
    void theStandaloneStreamMovesToTheNewSession() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondStream = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s" + sessions.incrementAndGet());
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("s1".equals(session) && restarted.get()) {
                ScriptedServer.json(exchange, 404, GONE, null);
            } else if ("GET".equals(exchange.getRequestMethod())) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, ": open\n\n");
                if ("s2".equals(session)) {
                    secondStream.countDown();
                }
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                ScriptedServer.json(exchange, 200, toolResult(body.get("id"), "ok from " + session), null);
            }
        }); McpClient client = McpClient.builder(server.url()).listen(true).connect()) {
            restarted.set(true);
            assertEquals("ok from s2", client.callTool("t", null).text());
            assertTrue(secondStream.await(5, TimeUnit.SECONDS), "a standalone stream was opened on the new session");
            release.countDown();
        }
    }

    @Test
    void initializeThatGetsNoHeadersTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            McpClient client = McpClient.builder(server.url()).protocol("2025-11-25").initializeTimeout(Duration.ofMillis(400)).build();
            long start = System.nanoTime();
            McpClientException e = assertThrows(McpClientException.class, client::connect);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            release.countDown();
            assertTrue(e.getMessage().contains("initialize timed out after 400 ms"), e.getMessage());
            assertTrue(tookMillis < 10_000, "took " + tookMillis);
            client.close();
        }
    }

    @Test
    void initializeWhoseStreamNeverAnswersTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            OutputStream out = ScriptedServer.sse(exchange);
            ScriptedServer.event(out, ": working on it\n\n");
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            McpClient client = McpClient.builder(server.url()).protocol("2025-11-25").initializeTimeout(Duration.ofMillis(400)).build();
            McpClientException e = assertThrows(McpClientException.class, client::connect);
            release.countDown();
            assertTrue(e.getMessage().contains("initialize timed out"), e.getMessage());
            client.close();
        }
    }

    @Test
    void aRequestStreamThatFallsSilentEndsAsOutcomeUnknownAndIsCancelled() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if ("notifications/cancelled".equals(method)) {
                cancelled.countDown();
                ScriptedServer.json(exchange, 202, "", null);
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                OutputStream out = ScriptedServer.sse(exchange);
                ScriptedServer.event(out, "id: 1-1\ndata:\n\n");
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        }); McpClient client = McpClient.builder(server.url()).streamIdleTimeout(Duration.ofMillis(400))
                .requestTimeout(Duration.ofSeconds(20)).connect()) {
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> client.callTool("slow", null));
            release.countDown();
            assertTrue(e.getMessage().contains("no bytes for 400 ms"), e.getMessage());
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "the server is told the client gave up");
            assertEquals(0, server.seen.stream().filter(s -> "GET".equals(s.method())).count(), "a silent stream is not resumed");
        }
    }

    @Test
    void aSharedHttpClientCarriesEveryRequest() throws Exception {
        try (ScriptedServer server = new ScriptedServer((exchange, body, self) -> {
            String method = body == null ? null : body.getString("method", null);
            if ("initialize".equals(method)) {
                ScriptedServer.json(exchange, 200, ScriptedServer.initializeResult(body, "2025-11-25"), "s");
            } else if (method != null && method.startsWith("notifications/")) {
                ScriptedServer.json(exchange, 202, "", null);
            } else if ("tools/call".equals(method)) {
                ScriptedServer.json(exchange, 200, toolResult(body.get("id"), "ok"), null);
            } else {
                ScriptedServer.json(exchange, 405, "", null);
            }
        })) {
            CountingHttpClient shared = new CountingHttpClient(SseHttp.newClient());
            try (McpClient a = McpClient.builder(server.url()).protocol("2025-11-25").httpClient(shared).connect();
                 McpClient b = McpClient.builder(server.url()).protocol("2025-11-25").httpClient(shared).connect()) {
                assertEquals("ok", a.callTool("t", null).text());
                assertEquals("ok", b.callTool("t", null).text());
            }
            // per client: initialize, initialized, tools/call, DELETE
            assertEquals(8, shared.sends.get());
            assertEquals(server.seen.size(), shared.sends.get(), "every request went through the shared client");
        }
    }

    /** Counts what goes through it, to prove a client uses the HttpClient it was given. */
    static final class CountingHttpClient extends HttpClient {
        final AtomicInteger sends = new AtomicInteger();
        private final HttpClient delegate;

        CountingHttpClient(HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
            sends.incrementAndGet();
            return delegate.send(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            sends.incrementAndGet();
            return delegate.sendAsync(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            sends.incrementAndGet();
            return delegate.sendAsync(request, handler, push);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }
    }

}
