package dev.jakartamcp.bench.sdk;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark only: the official MCP Java SDK 2.1.0 Streamable HTTP servlet transport at {@code /mcp}, with the
 * SDK's defaults (its Jackson 3 mapper, its schema validator). It lists the same 14 tool definitions as the
 * product's conformance fixture server (copied from its {@code tools/list}, see {@code tools-list.json}), so
 * {@code tools/list} answers a comparable payload; {@code test_simple_text} returns the same text as the
 * product's. The other tools only answer a fixed text: the benchmark never calls them.
 */
@WebListener
public class SdkMcpServerListener implements ServletContextListener {

    static final String SIMPLE_TEXT = "This is a simple text response for testing.";

    private HttpServletStreamableServerTransportProvider transport;
    private McpSyncServer server;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint("/mcp")
                .build();
        server = McpServer.sync(transport)
                .serverInfo("bench-sdk-server", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tools(json))
                .build();
        ServletRegistration.Dynamic servlet = event.getServletContext().addServlet("mcp-sdk", transport);
        servlet.addMapping("/mcp");
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (server != null) {
            server.closeGracefully();
        }
    }

    private static List<SyncToolSpecification> tools(McpJsonMapper json) {
        Map<String, Object> list;
        try (InputStream in = SdkMcpServerListener.class.getResourceAsStream("/tools-list.json")) {
            list = json.readValue(in.readAllBytes(), new TypeRef<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SyncToolSpecification> specs = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tools = (List<Map<String, Object>>) list.get("tools");
        for (Map<String, Object> t : tools) {
            String name = (String) t.get("name");
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) t.get("inputSchema");
            McpSchema.Tool tool = McpSchema.Tool.builder()
                    .name(name)
                    .description((String) t.get("description"))
                    .inputSchema(schema)
                    .build();
            String text = "test_simple_text".equals(name) ? SIMPLE_TEXT : "not used by the benchmark";
            McpSchema.CallToolResult result = McpSchema.CallToolResult.builder().addTextContent(text).build();
            specs.add(SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> result).build());
        }
        return specs;
    }
}
