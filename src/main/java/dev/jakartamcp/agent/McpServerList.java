package dev.jakartamcp.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code agent.mcp.servers} (env {@code AGENT_MCP_SERVERS}): comma-separated {@code name=url}; a URL
 * that is only a path ({@code /mcp}) means this server. Unset, it is {@code users=/mcp}.
 */
@ApplicationScoped
public class McpServerList {

    @Inject
    @ConfigProperty(name = "agent.mcp.servers")
    Optional<String> configured;

    /** @param self this server's base URL, for the default */
    public Map<String, String> servers(URI self) {
        Map<String, String> servers = new LinkedHashMap<>();
        String list = configured.filter(s -> !s.isBlank()).orElse("users=" + self.resolve("mcp"));
        for (String entry : list.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                String url = entry.substring(eq + 1).trim();
                // a path without host, like /mcp, is this server
                servers.put(entry.substring(0, eq).trim(), url.startsWith("/") ? self.resolve(url.substring(1)).toString() : url);
            }
        }
        return servers;
    }
}
