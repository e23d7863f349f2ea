package dev.jakartamcp.mcp.server.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The JAX-RS application's path below the context root, e.g. "mcp": it names the endpoint. */
final class EndpointPaths {

    private EndpointPaths() {
    }

    static String of(ContainerRequestContext ctx, HttpServletRequest servletRequest) {
        String base = ctx.getUriInfo().getBaseUri().getPath();
        String context = servletRequest.getContextPath();
        String path = base.startsWith(context) ? base.substring(context.length()) : base;
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') from++;
        while (to > from && path.charAt(to - 1) == '/') to--;
        return path.substring(from, to);
    }
}
