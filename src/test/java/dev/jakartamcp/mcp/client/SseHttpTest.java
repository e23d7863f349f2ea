package dev.jakartamcp.mcp.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseHttpTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    /** Sends headers and {@code chunks}, one every {@code gapMillis}, then stalls until the test ends. */
    private URI serve(List<String> chunks, long gapMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/sse", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (String chunk : chunks) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(gapMillis);
                }
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away
            } finally {
                exchange.close();
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sse");
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private static InputStream open(URI uri) throws Exception {
        return SseHttp.newClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream()).body();
    }

    @Test
    void aStreamThatStallsAfterAFewBytesEndsWithAnIdleTimeout() throws Exception {
        URI uri = serve(List.of("data: one\n\n", "data: two\n\n", "data: thr"), 0);
        List<String> data = new CopyOnWriteArrayList<>();
        SseParser parser = new SseParser(e -> data.add(e.data()));
        long start = System.nanoTime();
        SseHttp.IdleTimeoutException e = assertThrows(SseHttp.IdleTimeoutException.class,
                () -> SseHttp.pump(open(uri), parser, Duration.ofMillis(500), () -> false));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("one", "two"), data, "what came before the stall was delivered");
        assertEquals(Duration.ofMillis(500), e.idle());
        assertTrue(e.getMessage().contains("500 ms"), e.getMessage());
        assertTrue(tookMillis >= 450 && tookMillis < 10_000, "ended by the watchdog after about 500 ms, took " + tookMillis);
    }

    @Test
    void bytesThatKeepComingKeepTheStreamAliveLongerThanTheIdleTime() throws Exception {
        // 8 chunks 150 ms apart: 1.2 s in all, never 400 ms silent, then the stall
        URI uri = serve(List.of(": a\n", ": b\n", ": c\n", ": d\n", ": e\n", ": f\n", ": g\n", "data: last\n\n"), 150);
        List<String> data = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        assertThrows(SseHttp.IdleTimeoutException.class,
                () -> SseHttp.pump(open(uri), new SseParser(e -> data.add(e.data())), Duration.ofMillis(400), () -> false));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("last"), data);
        assertTrue(tookMillis >= 1_200, "the watchdog counts from the last byte, not from the start: " + tookMillis);
    }

    @Test
    void aStreamThatEndsNormallyIsNotATimeout() throws Exception {
        List<String> data = new CopyOnWriteArrayList<>();
        InputStream body = new ByteArrayInputStream("data: a\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        SseHttp.pump(body, new SseParser(e -> data.add(e.data())), Duration.ofMillis(50), () -> false);
        assertEquals(List.of("a", "[DONE]"), data);
        assertTrue(SseHttp.isDone(data.get(1)));
        assertFalse(SseHttp.isDone(data.get(0)));
    }

    @Test
    void doneStopsReadingWithoutWaitingForTheStall() throws Exception {
        URI uri = serve(List.of("data: one\n\n"), 0);
        List<String> data = new CopyOnWriteArrayList<>();
        SseHttp.pump(open(uri), new SseParser(e -> data.add(e.data())), Duration.ofSeconds(30), () -> !data.isEmpty());
        assertEquals(List.of("one"), data);
    }

    @Test
    void anErrorExcerptIsBounded() {
        String excerpt = SseHttp.excerpt(new ByteArrayInputStream("x".repeat(10_000).getBytes(StandardCharsets.UTF_8)));
        assertEquals(SseHttp.EXCERPT_BYTES, excerpt.length());
    }
}
