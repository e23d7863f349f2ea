package dev.jakartamcp.chat;

import dev.jakartamcp.agent.Elicitations;
import dev.jakartamcp.agent.LlmSettings;
import dev.jakartamcp.agent.McpServerList;
import dev.jakartamcp.agent.McpSessions;
import dev.jakartamcp.agent.ToolBox;
import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServers;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.security.AuthSettings;
import dev.jakartamcp.security.McpTokens;
import dev.jakartamcp.security.Roles;
import dev.jakartamcp.security.SignedInPerson;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;

/**
 * The tools console: every tool of every configured MCP server, and direct calls to them. It needs
 * no LLM; {@code llmConfigured} tells the page whether the chat can answer. A call the page makes
 * is streamed so the server's questions (the delete confirmation) reach the person.
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

    @Inject
    Elicitations elicitations;

    @Inject
    AuthSettings auth;

    /** The console calls our /mcp as the signed-in person */
    @Inject
    McpTokens tokens;

    @Inject
    McpServers mcpServers;

    /** A streamed call is bounded like a chat turn: it may wait for a person. */
    @Inject
    @ConfigProperty(name = "agent.turn.timeout-seconds", defaultValue = "300")
    long timeoutSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @GET
    public String tools(@Context HttpServletRequest http) {
        Map<String, String> configured = servers.servers(ApiErrors.self(http));
        JsonArrayBuilder list = JsonCodec.array();
        try (ToolBox box = new ToolBox(configured, sessions, null, tokens.credentials(http))) {
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

    /** The plain JSON answer: its session declares no elicitation, since nobody could answer a question. */
    @POST
    @Path("{server}/{tool}")
    @Consumes(MediaType.WILDCARD)
    public String call(@PathParam("server") String server, @PathParam("tool") String tool, String body,
                       @Context HttpServletRequest http) {
        JsonObject arguments = arguments(body);
        mayCall(server, tool, http);
        try (ToolBox box = open(server, tool, http, null)) {
            CallToolResult result;
            try {
                result = box.callAsync(server, tool, arguments).join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            return JsonCodec.write(toJson(result));
        } catch (dev.jakartamcp.mcp.client.McpClientException e) {
            if (e.code() == dev.jakartamcp.mcp.protocol.JsonRpcError.MISSING_CAPABILITY) {
                // a 2026-07-28 server refuses before the tool runs what this call could never give
                // (delete_user's confirmation): the person hears it as the tool's refusal, as on 2025
                return JsonCodec.write(toJson(CallToolResult.error(tool + " was not run, so nothing was changed (NOT deleted, "
                        + "NOT modified): it needs to ask a question, and this plain call cannot be asked. "
                        + "Call it from the page, which shows the question.")));
            }
            throw ApiErrors.of(e.code() == -32602 ? 400 : 502, e.getMessage());
        }
    }

    /**
     * The page's answer, a stream: its session declares elicitation, the server's questions arrive as
     * {@code elicitation} events and are answered through {@link #answer}, a withdrawn one as
     * {@code elicitation_closed}; one {@code result} (the plain answer's JSON) or {@code error} ends it.
     * Chosen only when asked for ({@code qs}): a caller accepting anything gets the plain answer.
     */
    @POST
    @Path("{server}/{tool}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    public void stream(@PathParam("server") String server, @PathParam("tool") String tool, String body,
                       @Context HttpServletRequest http, @Context HttpServletResponse response,
                       @Context SseEventSink sink, @Context Sse sse) {
        JsonObject arguments = arguments(body);
        mayCall(server, tool, http);
        ConsoleCall call = new ConsoleCall(elicitations, ConsoleCall.owner(ConversationsResource.person(http)),
                Duration.ofSeconds(timeoutSeconds), sink, sse);
        ToolBox box = open(server, tool, http, call.relay()); // refusals before the stream starts keep their status
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        call.start(box, server, tool, arguments, scheduler, ConversationsResource.HEARTBEAT_SECONDS);
    }

    /** Answers a question of a streamed call; 204, or 404 when none such is waiting. */
    @POST
    @Path("elicitations/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response answer(@PathParam("id") String id, String body, @Context HttpServletRequest http) {
        ElicitationHandler.Answer answer = ApiErrors.answer(body);
        if (!elicitations.answer(ConsoleCall.owner(ConversationsResource.person(http)), id, answer.action(), answer.content())) {
            throw ApiErrors.of(404, "No question " + id + " is waiting in the tools console");
        }
        return Response.noContent().build();
    }

    /**
     * With identity on, the person's roles must allow what the tool needs ({@link Roles}): 403 before
     * anything is called. The scope comes from our own MCP server's tool; tools of other servers
     * need nothing from us (they never see our tokens).
     */
    private void mayCall(String server, String tool, HttpServletRequest http) {
        if (!auth.enabled()) {
            return;
        }
        SignedInPerson person = SignedInPerson.of(http).orElseThrow(() -> ApiErrors.of(401, "Sign in first."));
        String url = servers.servers(ApiErrors.self(http)).get(server);
        String self = ApiErrors.self(http).toString();
        if (url == null || !url.startsWith(self)) {
            return;
        }
        McpServer ours = mcpServers.atPath(url.substring(self.length()));
        String scope = ours == null ? null : ours.tools().find(tool).map(McpTool::requiredScope).orElse(null);
        if (!Roles.mayUseScope(person.roles(), scope)) {
            throw ApiErrors.of(403, "Your roles do not allow " + tool + " (it needs " + scope + ", which "
                    + Roles.ADMIN + " has); nothing was called.");
        }
    }

    private static JsonObject arguments(String body) {
        return ApiErrors.body(body == null || body.isBlank() ? "{}" : body);
    }

    /** A session to the server that offers the tool, or 404 / 502 / 400. */
    private ToolBox open(String server, String tool, HttpServletRequest http, ElicitationHandler relay) {
        Map<String, String> configured = servers.servers(ApiErrors.self(http));
        if (!configured.containsKey(server)) {
            throw ApiErrors.of(404, "No MCP server named " + server);
        }
        ToolBox box = new ToolBox(Map.of(server, configured.get(server)), sessions, relay, tokens.credentials(http));
        if (box.missing().containsKey(server)) {
            box.close();
            throw ApiErrors.of(502, "The MCP server " + server + " is unavailable: " + box.missing().get(server));
        }
        if (box.tools().stream().noneMatch(t -> t.definition().name().equals(tool))) {
            box.close();
            throw ApiErrors.of(400, "The MCP server " + server + " has no tool named " + tool);
        }
        return box;
    }

    /** The tool result plus {@code isError} and its text, as the page shows it. */
    static JsonObject toJson(CallToolResult result) {
        return JsonCodec.object(result.toJson()).add("isError", result.isError()).add("text", result.text()).build();
    }
}
