package dev.jakartamcp.it;

import dev.jakartamcp.mcp.client.Elicitation;
import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.client.McpClient;
import dev.jakartamcp.mcp.client.McpClientException;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's client (era auto) against a 2026-07-28 server written with the official TypeScript
 * SDK v2 (src/test/node/ts2-server.mjs, modern-only): it finds the era by itself, lists and calls
 * tools without a session, and answers a Multi Round-Trip Request through the same
 * ElicitationHandler the agent's delete confirmation uses.
 */
class TypeScriptV2ServerIT {

    static Process server;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        File dir = new File(System.getProperty("ts.client.dir", "src/test/node"));
        // Node 22 from npm: the SDK v2 needs the web Request/Response of a recent Node
        server = new ProcessBuilder(new File(dir, "node_modules/.bin/node").getAbsolutePath(), "ts2-server.mjs", "0")
                .directory(dir).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("listening ")) {
                url = line.substring("listening ".length()).trim();
                break;
            }
        }
        assertNotNull(url, "the TypeScript v2 server did not start");
        Thread drain = new Thread(() -> lines.lines().forEach(l -> System.out.println("[ts2-server] " + l)));
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    @Test
    void autoFindsTheStatelessEraListsAndCallsTools() {
        try (McpClient client = McpClient.builder(url).connect()) {
            assertEquals("2026-07-28", client.protocolVersion());
            assertTrue(client.isStateless());
            assertNull(client.sessionId(), "no session on 2026-07-28");
            assertEquals("ts2-peer", client.serverInfo().name());
            List<String> tools = client.listTools().stream().map(ToolDefinition::name).sorted().collect(Collectors.toList());
            assertEquals(List.of("confirm_delete", "echo"), tools);
            CallToolResult echo = client.callTool("echo", JsonCodec.parseObject("{\"text\":\"héllo wörld\"}"));
            assertEquals("echo: héllo wörld", echo.text());
        }
    }

    @Test
    void anAcceptedInputRoundCompletesTheCallThroughTheElicitationHandler() {
        List<String> asked = new CopyOnWriteArrayList<>();
        // the agent's kind of handler: it sees the whole question
        ElicitationHandler confirm = ElicitationHandler.of((Elicitation question) -> {
            asked.add(question.message());
            assertTrue(question.requestedSchema().getJsonObject("properties").containsKey("confirm"), question.requestedSchema().toString());
            return ElicitationHandler.Answer.accept(JsonCodec.parseObject("{\"confirm\":true}"));
        });
        try (McpClient client = McpClient.builder(url).elicitation(confirm).connect()) {
            CallToolResult result = client.callTool("confirm_delete", JsonCodec.parseObject("{\"id\":\"42\"}"));
            assertEquals(List.of("Delete record 42?"), asked);
            assertEquals("deleted 42 (state delete:42)", result.text(), "the requestState came back as it was sent");
        }
    }

    @Test
    void aDeclinedInputRoundKeepsTheRecord() {
        AtomicReference<String> asked = new AtomicReference<>();
        try (McpClient client = McpClient.builder(url).elicitation((message, schema) -> {
            asked.set(message);
            return ElicitationHandler.Answer.decline();
        }).connect()) {
            CallToolResult result = client.callTool("confirm_delete", JsonCodec.parseObject("{\"id\":\"7\"}"));
            assertEquals("Delete record 7?", asked.get());
            assertEquals("kept 7: decline", result.text());
        }
    }

    @Test
    void noInputRoundsAllowedFailsClearly() {
        try (McpClient client = McpClient.builder(url).maxInputRounds(0)
                .elicitation((message, schema) -> ElicitationHandler.Answer.accept(JsonCodec.parseObject("{\"confirm\":true}"))).connect()) {
            McpClientException e = assertThrows(McpClientException.class,
                    () -> client.callTool("confirm_delete", JsonCodec.parseObject("{\"id\":\"9\"}")));
            assertTrue(e.getMessage().contains("maxInputRounds"), e.getMessage());
        }
    }

    @Test
    void aFixedLegacyEraIsRefusedByAModernOnlyServer() {
        McpClientException e = assertThrows(McpClientException.class,
                () -> McpClient.builder(url).protocol("2025-11-25").connect().close());
        assertTrue(e.httpStatus() >= 400 || e.code() != 0, e.getMessage());
    }
}
