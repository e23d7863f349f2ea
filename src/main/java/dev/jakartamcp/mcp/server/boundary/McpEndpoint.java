package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.server.control.McpServer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The Streamable HTTP endpoint of one MCP server: one path for POST, GET and DELETE. A feature
 * subclasses it with {@code @Path("")} and a scope, and names its server.
 * {@link McpHttpFilter} has already checked the transport rules, parsed the body, and answered
 * everything that is plain JSON; what comes here needs an SSE sink or an async response (see
 * {@link Route}).
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
public abstract class McpEndpoint {

    @Inject
    McpExchange exchange;

    /** The server this endpoint serves. */
    protected abstract McpServer server();

    @POST
    @Path("~tool-json")
    @Produces(MediaType.APPLICATION_JSON)
    public void postToolJson(@Context HttpServletRequest http, @Suspended AsyncResponse response) {
        exchange.postToolJson(server(), request(http), response);
    }

    @POST
    @Path("~stateless-tool")
    @Produces(MediaType.APPLICATION_JSON)
    public void postStatelessTool(@Context HttpServletRequest http, @Suspended AsyncResponse response) {
        exchange.postStatelessTool(server(), request(http), response);
    }

    @POST
    @Path("~tool-stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void postToolStream(@Context HttpServletRequest http, @Context HttpServletResponse response,
                               @Context SseEventSink sink, @Context Sse sse) {
        exchange.postToolStream(server(), request(http), response, sink, sse);
    }

    @POST
    @Path("~stateless-stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void postStatelessStream(@Context HttpServletRequest http, @Context HttpServletResponse response,
                                    @Context SseEventSink sink, @Context Sse sse) {
        exchange.postStatelessStream(server(), request(http), response, sink, sse);
    }

    @POST
    @Path("~listen")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void listen(@Context HttpServletRequest http, @Context HttpServletResponse response,
                       @Context SseEventSink sink, @Context Sse sse) {
        exchange.listen(server(), request(http), response, sink, sse);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void get(@Context HttpServletRequest http, @Context HttpServletResponse response,
                    @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        exchange.get(request(http), lastEventId, response, sink, sse);
    }

    private static McpRequest request(HttpServletRequest http) {
        return (McpRequest) http.getAttribute(McpRequest.ATTRIBUTE);
    }
}
