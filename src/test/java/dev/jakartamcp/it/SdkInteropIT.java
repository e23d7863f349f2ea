package dev.jakartamcp.it;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official SDK clients, Java and TypeScript, as independent judges of /mcp: if they can use
 * every tool, we speak MCP.
 */
@ExtendWith(ArquillianExtension.class)
class SdkInteropIT {

    private static final Set<String> TOOLS = Set.of("get_user_by_id", "search_users", "add_user", "update_user", "delete_user");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL deployed;

    @Test
    @SuppressWarnings("unchecked")
    void javaSdkClientUsesAllFiveTools() {
        URI base = Deployments.localBase(deployed);
        var transport = HttpClientStreamableHttpTransport.builder(base.toString()).endpoint("mcp").build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("java-sdk-interop", "1.0.0"))
                // deleting needs the person's confirmation (users.delete.unconfirmed=refuse by default)
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(question -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true)))
                .requestTimeout(Duration.ofSeconds(20)).build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertEquals("jakarta-mcp-users", init.serverInfo().name());

            List<String> names = new ArrayList<>();
            McpSchema.ListToolsResult page = client.listTools();
            page.tools().forEach(t -> names.add(t.name()));
            while (page.nextCursor() != null) {
                page = client.listTools(page.nextCursor());
                page.tools().forEach(t -> names.add(t.name()));
            }
            assertEquals(TOOLS, Set.copyOf(names));
            assertEquals(5, names.size());

            String email = "java.sdk@example.org";
            McpSchema.CallToolResult added = client.callTool(new McpSchema.CallToolRequest("add_user", Map.of(
                    "name", "Jay", "surname", "Sdk", "email", email, "about_me", "Added by the Java SDK",
                    "credit_card", Map.of("num", "5555-4444-3333-1111", "cvv", "321", "exp_date", "01/2031"))));
            assertFalse(Boolean.TRUE.equals(added.isError()), added.toString());
            Map<String, Object> user = (Map<String, Object>) added.structuredContent();
            Number id = (Number) user.get("id");
            assertEquals("****-****-****-1111", ((Map<String, Object>) user.get("credit_card")).get("num"));

            McpSchema.CallToolResult got = client.callTool(new McpSchema.CallToolRequest("get_user_by_id", Map.of("id", id)));
            assertEquals(email, ((Map<String, Object>) got.structuredContent()).get("email"));

            McpSchema.CallToolResult found = client.callTool(new McpSchema.CallToolRequest("search_users", Map.of("email", "java.sdk@")));
            assertEquals(1, ((Number) ((Map<String, Object>) found.structuredContent()).get("count")).intValue());

            McpSchema.CallToolResult updated = client.callTool(new McpSchema.CallToolRequest("update_user",
                    Map.of("id", id, "new_info", Map.of("surname", "Updated"))));
            assertEquals("Updated", ((Map<String, Object>) updated.structuredContent()).get("surname"));

            McpSchema.CallToolResult deleted = client.callTool(new McpSchema.CallToolRequest("delete_user", Map.of("id", id)));
            assertFalse(Boolean.TRUE.equals(deleted.isError()), deleted.toString());

            McpSchema.CallToolResult gone = client.callTool(new McpSchema.CallToolRequest("get_user_by_id", Map.of("id", id)));
            assertTrue(gone.isError());
            assertTrue(((McpSchema.TextContent) gone.content().get(0)).text().contains("No user with id " + id));
        } finally {
            assertTrue(client.closeGracefully());
        }
    }

    @Test
    void typeScriptSdkClientUsesAllFiveTools() throws Exception {
        JsonObject report = runTypeScript("ts-client.mjs", "ts.sdk@example.org");

        assertEquals("2025-11-25", report.getString("protocolVersion"));
        assertEquals(TOOLS, Set.copyOf(report.getJsonArray("tools").getValuesAs(jakarta.json.JsonString::getString)));
        assertEquals(3, report.getInt("pages"), "followed nextCursor through pages of 2");
        assertEquals("ts.sdk@example.org", report.getString("gotEmail"));
        assertEquals(1, report.getInt("searchCount"));
        assertEquals("TS Inc", report.getString("updatedCompany"));
        assertTrue(report.getString("deleteText").startsWith("Deleted user"));
        assertTrue(report.getBoolean("goneIsError"));
        assertTrue(report.getBoolean("wrongTypesIsError"));
        assertTrue(report.getBoolean("terminated"));

        // terminateSession sent DELETE: the session is gone for everybody
        String sessionId = report.getString("sessionId");
        assertEquals(404, new RawMcp(Deployments.localBase(deployed)).post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", sessionId).statusCode());
    }

    @Test
    void typeScriptSdkClientUsesElicitationProgressResourcesCancellationAndResume() throws Exception {
        JsonObject report = runTypeScript("ts-product.mjs");

        assertTrue(report.getString("declineText").contains("NOT deleted"), report.toString());
        assertTrue(report.getBoolean("existsAfterDecline"), "declined: the user is still there");
        assertTrue(report.getString("acceptText").startsWith("Deleted user"), report.getString("acceptText"));
        assertFalse(report.getBoolean("existsAfterAccept"), "accepted: the user is gone");
        assertTrue(report.getJsonArray("elicitationMessages").getString(0).contains("eli.confirm@example.org"));
        assertEquals("boolean", report.getJsonObject("elicitationSchema").getJsonObject("properties")
                .getJsonObject("confirm").getString("type"));

        var progress = report.getJsonArray("progress");
        assertTrue(progress.size() >= 10, "a 1000-user search reports progress: " + progress);
        double last = -1;
        for (var p : progress) {
            double value = p.asJsonObject().getJsonNumber("progress").doubleValue();
            assertTrue(value >= last, "progress never goes down: " + progress);
            last = value;
            assertEquals(1000, p.asJsonObject().getInt("total"));
        }
        assertEquals(1000.0, last);
        assertTrue(report.getInt("searchCount") >= 1000);

        assertEquals(List.of("users://{id}"), report.getJsonArray("templates").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject resource = report.getJsonObject("resource");
        assertEquals("users://1", resource.getString("uri"));
        assertEquals("application/json", resource.getString("mimeType"));
        JsonObject user = RawMcp.json(resource.getString("text")).asJsonObject();
        assertEquals("Karen", user.getString("name"));
        assertFalse(user.getJsonObject("credit_card").containsKey("cvv"), "PII stays masked in resources");
        assertEquals(-32002, report.getInt("missingResourceError"));
        assertTrue(report.getJsonArray("prompts").toString().contains("find_or_add_user"));
        assertTrue(report.getString("promptText").contains("search_users"));

        assertTrue(report.getBoolean("cancelled"), "the caller saw its call cancelled");
        assertTrue(report.getBoolean("existsAfterCancel"), "cancelled before acting: nothing deleted");

        String cutAfter = report.getString("cutAfter");
        assertTrue(cutAfter.startsWith("id: ") && cutAfter.endsWith("data:\n\n"), "the cut came right after the priming event");
        String primingId = cutAfter.substring(4, cutAfter.indexOf('\n'));
        assertEquals(1, report.getJsonArray("resumeRequests").getValuesAs(jakarta.json.JsonString::getString).stream()
                .filter(primingId::equals).count(), "one GET with Last-Event-ID for the cut stream: " + report.getJsonArray("resumeRequests"));
        assertEquals("res.umed@example.org", report.getString("resumedEmail"), "the result arrived on the resumed stream");
        assertEquals(1, report.getInt("resumedCount"), "the call ran exactly once");
        assertEquals(List.of(), report.getJsonArray("errors").getValuesAs(jakarta.json.JsonString::getString),
                "no duplicate or stray responses");
    }

    private JsonObject runTypeScript(String script, String... args) throws Exception {
        return TypeScriptClients.run(Deployments.localBase(deployed).resolve("mcp"), script, args);
    }
}
