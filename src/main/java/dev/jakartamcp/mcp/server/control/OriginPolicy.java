package dev.jakartamcp.mcp.server.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** The application's public base URL: pages served from it are ours wherever it is. */
    @Inject
    @ConfigProperty(name = "app.base-url")
    Optional<String> baseUrl;

    /**
     * A request without Origin comes from a non-browser client and is allowed. With an explicit
     * allow-list ({@code mcp.allowed-origins}) the origin must be on it ({@code *} allows all);
     * without one, localhost origins on this server's own port and the origin of {@code app.base-url} pass.
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
            if (baseUrl != null && baseUrl.isPresent() && sameOrigin(URI.create(baseUrl.get().trim()), URI.create(origin))) {
                return true;
            }
            URI uri = URI.create(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return ("http".equals(scheme) || "https".equals(scheme)) && LOOPBACK_HOSTS.contains(host) && port(uri) == localPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null && a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
