package dev.jakartamcp.agent;

import com.sun.net.httpserver.HttpServer;
import dev.jakartamcp.mcp.client.SseHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LLM client's stream against a tiny scripted Chat Completions server. */
class LlmClientTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    private String serve(String body, boolean stall) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                out.write(body.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (stall) {
                    release.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away
            } finally {
                exchange.close();
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private static String delta(String text) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}\n\n";
    }

    private static LlmClient.Settings settings(String endpoint, Duration readTimeout) {
        return new LlmClient.Settings(endpoint, "", "m", "openai", "", Duration.ofSeconds(10), readTimeout);
    }

    @Test
    void anLlmThatStallsMidStreamEndsTheTurnWithAClearError() throws Exception {
        String endpoint = serve(delta("Hel") + delta("lo"), true);
        List<String> deltas = new CopyOnWriteArrayList<>();
        LlmClient client = new LlmClient(settings(endpoint, Duration.ofMillis(500)), SseHttp.newClient());
        long start = System.nanoTime();
        LlmException e = assertThrows(LlmException.class, () -> client.stream(List.of(), List.of(), deltas::add));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("Hel", "lo"), deltas);
        assertTrue(e.getMessage().contains("stalled") && e.getMessage().contains("agent.llm.read-timeout-seconds"), e.getMessage());
        assertTrue(tookMillis < 10_000, "ended by the watchdog, not the server: " + tookMillis);
    }

    @Test
    void aCompleteStreamIsOneTurnAndDoneIsNotData() throws Exception {
        String endpoint = serve(delta("Hi") + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n", false);
        LlmClient.Turn turn = new LlmClient(settings(endpoint, Duration.ofSeconds(5))).stream(List.of(), List.of(), d -> { });
        assertEquals("Hi", turn.text());
        assertEquals(List.of(), turn.toolCalls());
    }

    @Test
    void theOldSettingsConstructorKeepsTheDefaultReadTimeout() {
        LlmClient.Settings s = new LlmClient.Settings("e", "", "m", "openai", "", Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(60), s.readTimeout());
    }
}
