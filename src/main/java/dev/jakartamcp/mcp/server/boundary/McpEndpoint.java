package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.server.control.McpServer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The Streamable HTTP endpoint of one MCP server: one path for POST, GET and DELETE. A feature
 * subclasses it with {@code @Path("")} and a scope, and names its server.
 * {@link McpTransportFilter} has already checked the transport rules and parsed the body.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
public abstract class McpEndpoint {

    @Inject
    McpExchange exchange;

    /** The server this endpoint serves. */
    protected abstract McpServer server();

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response postJson(@Context HttpServletRequest http) {
        return exchange.postJson(server(), incoming(http));
    }

    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void postSse(@Context HttpServletRequest http, @Context HttpServletResponse response,
                        @Context SseEventSink sink, @Context Sse sse) {
        exchange.postSse(server(), incoming(http), response, sink, sse);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void get(@Context HttpServletRequest http, @Context HttpServletResponse response,
                    @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        exchange.get(incoming(http), lastEventId, response, sink, sse);
    }

    @DELETE
    public Response delete(@Context HttpServletRequest http) {
        return exchange.delete(incoming(http));
    }

    private static IncomingPost incoming(HttpServletRequest http) {
        return (IncomingPost) http.getAttribute(IncomingPost.ATTRIBUTE);
    }
}
