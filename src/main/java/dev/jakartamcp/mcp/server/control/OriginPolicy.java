package dev.jakartamcp.mcp.server.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Servers MUST validate the Origin header to prevent DNS rebinding; an invalid one gets 403.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning
 */
@ApplicationScoped
public class OriginPolicy {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    @Inject
    McpServerConfig config;

    /**
     * A request without Origin comes from a non-browser client and is allowed. With an explicit
     * allow-list ({@code mcp.allowed-origins}) the origin must be on it ({@code *} allows all);
     * without one, only localhost origins on this server's own port pass.
     */
    public boolean allows(String origin, int localPort) {
        if (origin == null) {
            return true;
        }
        List<String> allowed = config.allowedOrigins();
        if (!allowed.isEmpty()) {
            return allowed.stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase(origin));
        }
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
            return ("http".equals(scheme) || "https".equals(scheme)) && LOOPBACK_HOSTS.contains(host) && port == localPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
