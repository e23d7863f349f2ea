package dev.jakartamcp.agent;

import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-turn deadline and an early end, against an LLM on loopback that stalls; no MCP servers. */
class AgentDeadlineTest {

    private HttpServer llmServer;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<List<JsonObject>> stored = new CopyOnWriteArrayList<>();
    private Agent agent;

    @BeforeEach
    void start() throws IOException {
        llmServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llmServer.setExecutor(Executors.newCachedThreadPool());
        llmServer.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try (exchange) {
                if (body.contains("before headers")) {
                    sleep(20_000);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me think\"}}]}\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(20_000);
            }
        });
        llmServer.start();

        agent = new Agent();
        agent.llm = new LlmSettings();
        agent.llm.endpoint = Optional.of("http://127.0.0.1:" + llmServer.getAddress().getPort() + "/v1");
        agent.llm.apiKey = Optional.empty();
        agent.llm.model = "m";
        agent.llm.flavor = "openai";
        agent.llm.apiVersion = "v";
        agent.llm.timeoutSeconds = 120; // only the turn's deadline can end these
        agent.llm.readTimeoutSeconds = 120;
        agent.servers = new McpServerList();
        agent.servers.configured = Optional.of(","); // no MCP servers
        agent.sessions = new McpSessions();
        agent.elicitations = new Elicitations();
        agent.http = HttpClient.newHttpClient();
        agent.systemPrompt = Optional.empty();
        agent.maxIterations = 8;
        agent.llmExecutor = managed(pool);
        agent.toolExecutor = managed(pool);
    }

    @AfterEach
    void stop() {
        llmServer.stop(0);
        pool.shutdownNow();
    }

    /** A ManagedExecutorService that is only a plain pool: all the agent uses of it. */
    private static ManagedExecutorService managed(ExecutorService delegate) {
        return (ManagedExecutorService) Proxy.newProxyInstance(AgentDeadlineTest.class.getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    try {
                        return ExecutorService.class.getMethod(method.getName(), method.getParameterTypes()).invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private TurnListener listener() {
        return new TurnListener() {
            public void delta(String text) {
                events.add("delta " + text);
            }

            public void toolCall(String server, String tool, JsonObject arguments) {
                events.add("tool_call " + tool);
            }

            public void toolResult(String server, String tool, boolean isError, String text) {
                events.add("tool_result " + tool);
            }

            public void elicitation(String id, String message, JsonObject requestedSchema) {
                events.add("elicitation");
            }

            public void error(String message) {
                events.add("error " + message);
            }
        };
    }

    private long run(String question, TurnControl control) {
        long start = System.nanoTime();
        agent.run("c1", List.of(), question, URI.create("http://127.0.0.1:1/"), listener(), stored::add, control);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void theDeadlineEndsAStreamThatStallsMidway() {
        long millis = run("stall mid-stream", new TurnControl(Duration.ofSeconds(1)));
        assertTrue(millis >= 900 && millis < 5000, "ended at the deadline, after " + millis + " ms");
        assertEquals("delta Let me think", events.get(0));
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(1).startsWith("error This answer took longer than the turn limit of 1 s"), events.get(1));
        assertEquals(1, stored.size(), "only the question is stored: " + stored);
        assertEquals("user", stored.get(0).get(0).getString("role"));
    }

    @Test
    void theDeadlineEndsAnLlmThatNeverSendsHeaders() {
        long millis = run("stall before headers", new TurnControl(Duration.ofSeconds(1)));
        assertTrue(millis >= 900 && millis < 5000, "ended at the deadline, after " + millis + " ms");
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).contains("turn limit"), events.get(0));
    }

    @Test
    void anEarlyEndStopsTheTurnAtOnceAndNothingFollowsItsError() throws Exception {
        TurnControl control = new TurnControl(Duration.ofSeconds(60));
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(() -> control.end("The chat page left."));
        long millis = run("stall mid-stream", control);
        assertTrue(millis < 5000, "ended soon after the page left, after " + millis + " ms");
        assertEquals(List.of("delta Let me think", "error The chat page left."), events);
        Thread.sleep(300);
        assertEquals(2, events.size(), "nothing arrives after the end: " + events);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
