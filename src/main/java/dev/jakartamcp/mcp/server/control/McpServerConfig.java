package dev.jakartamcp.mcp.server.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The engine's settings, read once. Each key can be overridden by its environment variable (MP Config). */
@ApplicationScoped
public class McpServerConfig {

    @Inject
    @ConfigProperty(name = "mcp.max-body-bytes", defaultValue = "1048576")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "mcp.session.idle-timeout-seconds", defaultValue = "1800")
    long idleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "mcp.session.max-sessions", defaultValue = "10000")
    int maxSessions;

    @Inject
    @ConfigProperty(name = "mcp.allowed-origins")
    Optional<String> allowedOrigins;

    @Inject
    @ConfigProperty(name = "mcp.tools.page-size", defaultValue = "50")
    int toolsPageSize;

    @Inject
    @ConfigProperty(name = "mcp.stream.retry-millis", defaultValue = "1000")
    long retryMillis;

    @Inject
    @ConfigProperty(name = "mcp.client-request.timeout-seconds", defaultValue = "120")
    long clientRequestTimeoutSeconds;

    /** The SSE retry: how long a client waits before it reconnects a dropped stream. */
    public long retryMillis() {
        return retryMillis;
    }

    /** How long a tool waits for the client to answer elicitation or sampling. */
    public long clientRequestTimeoutMillis() {
        return clientRequestTimeoutSeconds * 1000;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public long idleTimeoutMillis() {
        return idleTimeoutSeconds * 1000;
    }

    public int maxSessions() {
        return maxSessions;
    }

    /** Empty means: only localhost origins on this server's own port. */
    public List<String> allowedOrigins() {
        return allowedOrigins.map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public int toolsPageSize() {
        return Math.max(1, toolsPageSize);
    }
}
