package dev.jakartamcp.mcp.server.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * Sends a request that {@link McpHttpFilter} passed on to the resource method its {@link Route}
 * names, by setting its path inside the endpoint (a pre-matching filter may; no header is touched).
 * A request that did not come through that filter is refused.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class RouteFilter implements ContainerRequestFilter {

    /**
     * CDI's built-in request bean, not a JAX-RS {@code @Context} proxy: this one filter instance
     * serves several JAX-RS applications, and a context proxy is bound to the first of them.
     */
    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (!(servletRequest.getAttribute(McpRequest.ATTRIBUTE) instanceof McpRequest request) || request.route().path() == null) {
            ctx.abortWith(HttpAnswer.empty(404).toResponse());
            return;
        }
        if (!request.route().path().isEmpty()) {
            URI base = ctx.getUriInfo().getBaseUri();
            ctx.setRequestUri(base, base.resolve(request.route().path()));
        }
    }
}
