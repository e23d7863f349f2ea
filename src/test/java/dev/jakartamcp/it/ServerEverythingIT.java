package dev.jakartamcp.it;

import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.client.McpClient;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.Content;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.PromptMessage;
import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's client against the reference server @modelcontextprotocol/server-everything
 * (Streamable HTTP mode, started here from npm): a server written by other people.
 */
class ServerEverythingIT {

    static Process server;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        File dir = new File(System.getProperty("ts.client.dir", "src/test/node"));
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("node.executable", "node"),
                "node_modules/@modelcontextprotocol/server-everything/dist/index.js", "streamableHttp")
                .directory(dir).redirectErrorStream(true).redirectOutput(new File("target/server-everything.log"));
        builder.environment().put("PORT", Integer.toString(port));
        server = builder.start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        url = "http://localhost:" + port + "/mcp";
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    @Test
    void toolsResourcesAndPrompts() {
        try (McpClient client = McpClient.builder(url).connect()) {
            Set<String> tools = client.listTools().stream().map(ToolDefinition::name).collect(Collectors.toSet());
            assertTrue(tools.containsAll(Set.of("echo", "get-sum", "trigger-long-running-operation")), tools.toString());

            CallToolResult echo = client.callTool("echo", JsonCodec.object().add("message", "hello from Jakarta").build());
            assertFalse(echo.isError());
            assertTrue(echo.text().contains("hello from Jakarta"), echo.text());
            CallToolResult sum = client.callTool("get-sum", JsonCodec.object().add("a", 2).add("b", 40).build());
            assertTrue(sum.text().contains("42"), sum.text());

            List<ResourceDefinition> resources = client.listResources();
            assertFalse(resources.isEmpty());
            List<ResourceContents> contents = client.readResource(resources.get(0).uri());
            assertEquals(resources.get(0).uri(), contents.get(0).uri());
            assertTrue(contents.get(0).text() != null || contents.get(0).blob() != null);

            List<PromptMessage> prompt = client.getPrompt("simple-prompt", Map.of());
            assertFalse(prompt.isEmpty());
            assertTrue(prompt.get(0).content() instanceof Content.Text);
        }
    }

    @Test
    void samplingAndElicitationAreAnsweredByHandlers() {
        List<String> sampled = new CopyOnWriteArrayList<>();
        List<String> elicited = new CopyOnWriteArrayList<>();
        try (McpClient client = McpClient.builder(url)
                .sampling(params -> {
                    sampled.add(params.toString());
                    return JsonCodec.object().add("role", "assistant")
                            .add("content", new Content.Text("sampled by the Jakarta client").toJson())
                            .add("model", "test-model").add("stopReason", "endTurn").build();
                })
                .elicitation((message, schema) -> {
                    elicited.add(message);
                    return ElicitationHandler.Answer.accept(JsonCodec.object().add("name", "Ada").build());
                })
                .connect()) {
            CallToolResult sampling = client.callTool("trigger-sampling-request", JsonCodec.object().add("prompt", "Say hi").build());
            assertFalse(sampling.isError(), sampling.text());
            assertEquals(1, sampled.size());
            assertTrue(sampled.get(0).contains("Say hi"), sampled.get(0));
            assertTrue(sampling.text().contains("sampled by the Jakarta client"), sampling.text());

            CallToolResult elicitation = client.callTool("trigger-elicitation-request", JsonCodec.object().build());
            assertFalse(elicitation.isError(), elicitation.text());
            assertEquals(1, elicited.size());
            assertTrue(elicitation.text().contains("accept"), elicitation.text());
        }
    }

    @Test
    void progressArrivesFromTheLongRunningTool() {
        List<Double> progress = new CopyOnWriteArrayList<>();
        try (McpClient client = McpClient.builder(url).onProgress((token, value, total, message) -> progress.add(value)).connect()) {
            CallToolResult result = client.callTool("trigger-long-running-operation",
                    JsonCodec.object().add("duration", 1).add("steps", 3).build());
            assertFalse(result.isError(), result.text());
        }
        assertEquals(List.of(1.0, 2.0, 3.0), progress);
    }
}
