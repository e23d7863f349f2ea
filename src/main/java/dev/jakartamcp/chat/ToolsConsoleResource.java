package dev.jakartamcp.chat;

import dev.jakartamcp.agent.LlmSettings;
import dev.jakartamcp.agent.McpServerList;
import dev.jakartamcp.agent.McpSessions;
import dev.jakartamcp.agent.ToolBox;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * The tools console: every tool of every configured MCP server, and direct calls to them. It needs
 * no LLM; {@code llmConfigured} tells the page whether the chat can answer.
 */
@Path("tools")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ToolsConsoleResource {

    @Inject
    McpServerList servers;

    @Inject
    LlmSettings llm;

    @Inject
    McpSessions sessions;

    @GET
    public String tools(@Context HttpServletRequest http) {
        Map<String, String> configured = servers.servers(ApiErrors.self(http));
        JsonArrayBuilder list = JsonCodec.array();
        try (ToolBox box = new ToolBox(configured, sessions, null)) {
            configured.forEach((name, url) -> {
                JsonObjectBuilder server = JsonCodec.object().add("name", name).add("url", url)
                        .add("available", !box.missing().containsKey(name));
                if (box.missing().containsKey(name)) {
                    server.add("error", String.valueOf(box.missing().get(name)));
                }
                JsonArrayBuilder tools = JsonCodec.array();
                box.tools().stream().filter(t -> t.server().equals(name)).forEach(t -> tools.add(t.definition().toJson()));
                list.add(server.add("tools", tools));
            });
        }
        return JsonCodec.write(JsonCodec.object().add("llmConfigured", llm.configured()).add("servers", list).build());
    }

    @POST
    @Path("{server}/{tool}")
    @Consumes(MediaType.WILDCARD)
    public String call(@PathParam("server") String server, @PathParam("tool") String tool, String body,
                       @Context HttpServletRequest http) {
        JsonObject arguments = ApiErrors.body(body == null || body.isBlank() ? "{}" : body);
        Map<String, String> configured = servers.servers(ApiErrors.self(http));
        if (!configured.containsKey(server)) {
            throw ApiErrors.of(404, "No MCP server named " + server);
        }
        try (ToolBox box = new ToolBox(Map.of(server, configured.get(server)), sessions, null)) {
            if (box.missing().containsKey(server)) {
                throw ApiErrors.of(502, "The MCP server " + server + " is unavailable: " + box.missing().get(server));
            }
            CallToolResult result;
            try {
                result = box.callAsync(server, tool, arguments).join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            return JsonCodec.write(JsonCodec.object(result.toJson()).add("isError", result.isError()).add("text", result.text()).build());
        } catch (dev.jakartamcp.mcp.client.McpClientException e) {
            throw ApiErrors.of(e.code() == -32602 ? 400 : 502, e.getMessage());
        }
    }
}
