package dev.jakartamcp.it;

import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.client.McpClient;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's own client (and its CLI) against the real server on Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class CustomClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig("mcp.conformance.enabled=true\nmcp.client-request.timeout-seconds=2\n");
    }

    @ArquillianResource
    URL deployed;

    String mcp;

    @BeforeEach
    void endpoint() {
        mcp = Deployments.localBase(deployed).resolve("mcp").toString();
    }

    @Test
    void usesTheFiveUserToolsAndConfirmsDeletesThroughItsHandler() {
        AtomicReference<String> answer = new AtomicReference<>("decline");
        List<String> asked = new ArrayList<>();
        try (McpClient client = McpClient.builder(mcp).protocol("2025-11-25").elicitation((message, schema) -> {
            asked.add(message);
            return "accept".equals(answer.get())
                    ? ElicitationHandler.Answer.accept(JsonCodec.object().add("confirm", true).build())
                    : ElicitationHandler.Answer.decline();
        }).connect()) {
            assertEquals("2025-11-25", client.protocolVersion());
            Set<String> names = client.listTools().stream().map(ToolDefinition::name).collect(Collectors.toSet());
            assertEquals(Set.of("get_user_by_id", "search_users", "add_user", "update_user", "delete_user"), names,
                    "all pages followed (page size 2 in the tests)");

            CallToolResult added = client.callTool("add_user", JsonCodec.parseObject(
                    "{\"name\":\"Cus\",\"surname\":\"Tom\",\"email\":\"cus.tom@example.org\",\"about_me\":\"own client\"}"));
            int id = added.structuredContent().getInt("id");
            assertEquals("cus.tom@example.org", client.callTool("get_user_by_id", JsonCodec.object().add("id", id).build())
                    .structuredContent().getString("email"));
            assertEquals(1, client.callTool("search_users", JsonCodec.parseObject("{\"email\":\"cus.tom@\"}"))
                    .structuredContent().getInt("count"));
            assertEquals("Client Co", client.callTool("update_user", JsonCodec.parseObject(
                    "{\"id\":" + id + ",\"new_info\":{\"company\":\"Client Co\"}}")).structuredContent().getString("company"));

            CallToolResult declined = client.callTool("delete_user", JsonCodec.object().add("id", id).build());
            assertTrue(declined.text().contains("NOT deleted"), declined.text());
            answer.set("accept");
            CallToolResult deleted = client.callTool("delete_user", JsonCodec.object().add("id", id).build());
            assertTrue(deleted.text().startsWith("Deleted user"), deleted.text());
            assertEquals(2, asked.size());
            assertTrue(client.callTool("get_user_by_id", JsonCodec.object().add("id", id).build()).isError());
        }
    }

    @Test
    void aSessionDeletedBehindItsBackIsReplacedTransparently() {
        try (McpClient client = McpClient.builder(mcp).protocol("2025-11-25").connect()) {
            String first = client.sessionId();
            assertEquals(204, new RawMcp(Deployments.localBase(deployed)).delete(first).statusCode());
            CallToolResult result = client.callTool("get_user_by_id", JsonCodec.object().add("id", 1).build());
            assertFalse(result.isError(), result.text());
            assertNotEquals(first, client.sessionId(), "a new session");
        }
    }

    @Test
    void aStreamTheServerCutsMidCallIsResumed() {
        String conformance = Deployments.localBase(deployed).resolve("conformance/mcp").toString();
        try (McpClient client = McpClient.builder(conformance).protocol("2025-11-25").connect()) {
            CallToolResult result = client.callTool("test_reconnection", null);
            assertEquals("Reconnection test completed", result.text());
        }
    }

    @Test
    void serverRequestsNeedTheCapabilityAndTimeOutClearly() {
        String conformance = Deployments.localBase(deployed).resolve("conformance/mcp").toString();
        try (McpClient without = McpClient.builder(conformance).protocol("2025-11-25").connect()) {
            CallToolResult refused = without.callTool("test_elicitation", JsonCodec.object().add("message", "hi").build());
            assertTrue(refused.isError());
            assertTrue(refused.text().contains("did not declare the elicitation capability"), refused.text());
        }
        try (McpClient slow = McpClient.builder(conformance).protocol("2025-11-25").elicitation((message, schema) -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ElicitationHandler.Answer.decline();
        }).connect()) {
            CallToolResult timedOut = slow.callTool("test_elicitation", JsonCodec.object().add("message", "hi").build());
            assertTrue(timedOut.isError());
            assertTrue(timedOut.text().contains("did not answer elicitation/create within 2 s"), timedOut.text());
        }
    }

    @Test
    void aSecondStandaloneStreamReplacesTheFirst() throws Exception {
        RawMcp raw = new RawMcp(Deployments.localBase(deployed));
        String session = raw.openSession("2025-11-25");
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(raw.endpoint).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).GET().build();
        var first = raw.http.send(get, java.net.http.HttpResponse.BodyHandlers.ofLines());
        var firstLines = first.body().iterator();
        assertTrue(firstLines.next().startsWith("id: 0-"), "primed");
        var second = raw.http.send(get, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertTrue(second.body().iterator().next().startsWith("id: 0-"), "the second is primed too");
        java.util.concurrent.CompletableFuture<Boolean> ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            while (firstLines.hasNext()) {
                firstLines.next();
            }
            return true;
        });
        assertTrue(ended.get(10, TimeUnit.SECONDS), "the first connection was closed");
        raw.delete(session);
    }

    @Test
    void progressAndLogsReachTheListeners() {
        List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (McpClient client = McpClient.builder(mcp).protocol("2025-11-25")
                .onProgress((token, value, total, message) -> progress.add(value))
                .onLog((level, logger, data) -> logs.add(level + " " + data)).connect()) {
            client.request("logging/setLevel", JsonCodec.object().add("level", "debug").build());
            client.callTool("search_users", JsonCodec.object().build());
        }
        assertTrue(progress.size() >= 10, progress.toString());
        assertEquals(1000.0, progress.get(progress.size() - 1));
        assertTrue(logs.stream().anyMatch(l -> l.startsWith("debug") && l.contains("found")), logs.toString());
    }

    @Test
    void autoSpeaksTheStatelessRevisionWithThisServerAndEitherEraCanBeChosen() throws Exception {
        try (McpClient auto = McpClient.builder(mcp).connect();
             McpClient legacy = McpClient.builder(mcp).protocol("2025-11-25").connect()) {
            assertEquals("2026-07-28", auto.protocolVersion(), "this server answers server/discover");
            assertTrue(auto.isStateless());
            assertEquals(null, auto.sessionId());
            assertEquals("2025-11-25", legacy.protocolVersion());
            assertFalse(legacy.isStateless());
            assertTrue(legacy.sessionId() != null);
            for (McpClient client : List.of(auto, legacy)) {
                assertTrue(client.listTools().stream().anyMatch(t -> t.name().equals("get_user_by_id")));
                CallToolResult karen = client.callTool("get_user_by_id", JsonCodec.object().add("id", 1).build());
                assertEquals("Karen", karen.structuredContent().getString("name"), client.protocolVersion());
            }
        }
        for (String era : List.of("2026-07-28", "2025-11-25", "auto")) {
            Cli call = cli("--protocol", era, "--json", "call", mcp, "get_user_by_id", "{\"id\":1}");
            assertEquals(0, call.exit, era + ": " + call.err);
            assertEquals("Karen", RawMcp.json(call.out.trim()).asJsonObject().getJsonObject("structuredContent").getString("name"));
        }
        Cli wrong = cli("--protocol", "1999-01-01", "tools", mcp);
        assertEquals(1, wrong.exit);
        assertTrue(wrong.err.contains("protocol must be"), wrong.err);
    }

    @Test
    void theCommandLineWorksAsDocumented() throws Exception {
        Cli tools = cli("tools", mcp);
        assertEquals(0, tools.exit, tools.err);
        assertTrue(tools.out.contains("get_user_by_id") && tools.out.contains("delete_user"), tools.out);

        Cli json = cli("--json", "call", mcp, "get_user_by_id", "{\"id\":1}");
        assertEquals(0, json.exit, json.err);
        JsonObject result = RawMcp.json(json.out.trim()).asJsonObject();
        assertEquals("Karen", result.getJsonObject("structuredContent").getString("name"));

        Cli toolError = cli("call", mcp, "get_user_by_id", "{\"id\":424242}");
        assertEquals(2, toolError.exit, "the tool answered isError");
        assertTrue(toolError.out.contains("No user with id 424242"), toolError.out);

        Cli read = cli("read", mcp, "users://1");
        assertEquals(0, read.exit, read.err);
        assertTrue(read.out.contains("\"name\":\"Karen\""), read.out);

        Cli prompts = cli("prompts", mcp);
        assertTrue(prompts.out.contains("find_or_add_user"), prompts.out);
        Cli prompt = cli("prompt", mcp, "find_or_add_user", "{\"name\":\"Ada\",\"surname\":\"Lovelace\"}");
        assertEquals(0, prompt.exit, prompt.err);
        assertTrue(prompt.out.startsWith("user: ") && prompt.out.contains("Ada Lovelace"), prompt.out);

        Cli resources = cli("resources", mcp);
        assertEquals(0, resources.exit, resources.err);

        Cli unreachable = cli("tools", "http://127.0.0.1:1/mcp");
        assertEquals(1, unreachable.exit);
        assertTrue(unreachable.err.startsWith("error: cannot reach"), unreachable.err);
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", new File("target/mcp-client.jar").getAbsolutePath()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Cli(p.exitValue(), out, err);
    }
}
