package dev.jakartamcp.security;

import dev.jakartamcp.mcp.server.boundary.JsonContentType;
import dev.jakartamcp.mcp.server.control.OriginPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The first filter of every request, so no path is a side door around the rules /mcp enforces:
 * <ul>
 * <li>Host must be one of ours ({@link HostPolicy}), else 421;</li>
 * <li>the JSON APIs (/api, /v1) get /mcp's Origin rule, else 403;</li>
 * <li>and take bodies only as application/json, else 415: a cross-site form or {@code text/plain}
 * post (a CORS "simple request", sent without a preflight) cannot reach them.</li>
 * </ul>
 * /mcp checks Origin and Content-Type itself, with its own JSON-RPC error bodies.
 */
public class FrontDoorFilter extends HttpFilter {

    @Inject
    HostPolicy hosts;

    @Inject
    OriginPolicy origins;

    @Override
    protected void doFilter(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String host = http.getHeader("Host");
        if (!hosts.allows(host)) {
            // 421 Misdirected Request: this server is not configured to answer for that name (RFC 9110, 15.5.20)
            JsonRefusal.write(response, 421, "This server does not answer for host " + excerpt(host)
                    + "; see app.allowed-hosts");
            return;
        }
        if (isJsonApi(http.getServletPath())) {
            String origin = http.getHeader("Origin");
            if (!origins.allows(origin, http.getLocalPort())) {
                JsonRefusal.write(response, 403, "Origin not allowed: " + excerpt(origin));
                return;
            }
            if (hasBody(http) && !JsonContentType.matches(http.getContentType())) {
                JsonRefusal.write(response, 415, "Content-Type must be application/json");
                return;
            }
        }
        chain.doFilter(http, response);
    }

    static boolean isJsonApi(String servletPath) {
        return servletPath.equals("/api") || servletPath.startsWith("/api/")
                || servletPath.equals("/v1") || servletPath.startsWith("/v1/");
    }

    private static boolean hasBody(HttpServletRequest http) {
        return http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null;
    }

    private static String excerpt(String value) {
        return value == null ? "(none)" : value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
