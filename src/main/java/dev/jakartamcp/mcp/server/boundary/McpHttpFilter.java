package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.server.control.McpServer;
import dev.jakartamcp.mcp.server.control.McpServers;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The front door of every MCP endpoint. It applies the transport rules ({@link McpTransport}) and
 * answers everything that is plain JSON on the request thread itself; only tool calls for the tool
 * executor and SSE streams go on to the JAX-RS endpoint ({@link Route}). Why a servlet filter: a
 * request answered here skips the JAX-RS machinery, which the profile of a trivial tools/call
 * showed to be about four fifths of its cost. The answers are the same either way. Declared in
 * web.xml, after the front door: annotated filters have no defined order.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
public class McpHttpFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(McpHttpFilter.class.getName());

    @Inject
    McpServers servers;

    @Inject
    McpTransport transport;

    @Inject
    McpExchange exchange;

    @Override
    protected void doFilter(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // a JAX-RS application at "mcp" is mapped to "/mcp/*": the servlet path names the endpoint
        String servletPath = http.getServletPath();
        McpServer server = servers.atPath(servletPath.startsWith("/") ? servletPath.substring(1) : servletPath);
        if (server == null) {
            chain.doFilter(http, response);
            return;
        }
        String below = http.getPathInfo();
        if (!server.enabled() || !(below == null || below.equals("/"))) {
            HttpAnswer.empty(404).writeTo(response);
            return;
        }
        McpRequest request;
        try {
            request = transport.accept(http, server);
        } catch (Rejection r) {
            r.answer().writeTo(response);
            return;
        } catch (IOException e) {
            // the client stopped sending its body: no error of ours, and most likely nobody reads this
            LOG.log(Level.FINE, "MCP request body unreadable", e);
            TransportErrors.of(400, "The request body could not be read: " + e.getMessage()).with("Connection", "close")
                    .writeTo(response);
            return;
        } catch (RuntimeException e) {
            incident(e).writeTo(response);
            return;
        }
        if (request.route() != Route.PLAIN) {
            http.setAttribute(McpRequest.ATTRIBUTE, request);
            chain.doFilter(http, response);
            return;
        }
        answer(http.getMethod(), server, request).writeTo(response);
    }

    private HttpAnswer answer(String method, McpServer server, McpRequest request) {
        try {
            return "DELETE".equals(method) ? exchange.delete(request) : exchange.postJson(server, request);
        } catch (RuntimeException e) {
            return incident(e);
        }
    }

    /** The last line of defence, as IncidentMapper is for JAX-RS: an id in the log, no stack trace to the client. */
    private static HttpAnswer incident(RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unhandled error, incident " + incident, e);
        return HttpAnswer.json(500, JsonCodec.writeBytes(JsonCodec.object()
                .add("error", "Internal error (incident " + incident + ")").build()));
    }
}
