package dev.jakartamcp.mcp.server.control;

import java.util.Set;

/**
 * Which methods a server answers on 2026-07-28: those of the capabilities it advertises in
 * server/discover, and nothing removed from the revision (initialize, ping, logging/setLevel,
 * resources/subscribe, resources/unsubscribe), which are unknown methods there.
 * https://modelcontextprotocol.io/specification/2026-07-28/server/index
 */
public final class StatelessMethods {

    private static final Set<String> RESOURCES = Set.of("resources/list", "resources/templates/list", "resources/read");
    private static final Set<String> PROMPTS = Set.of("prompts/list", "prompts/get");

    private StatelessMethods() {
    }

    public static boolean serves(McpServer server, String method) {
        return switch (method) {
            // the listen stream carries tool list changes, which every server has
            // https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
            case "server/discover", "tools/list", "tools/call", "subscriptions/listen" -> true;
            case "completion/complete" -> servesCompletions(server);
            default -> RESOURCES.contains(method) ? servesResources(server) : PROMPTS.contains(method) && servesPrompts(server);
        };
    }

    static boolean servesResources(McpServer server) {
        return !server.resources().isEmpty();
    }

    static boolean servesPrompts(McpServer server) {
        return !server.prompts().isEmpty();
    }

    static boolean servesCompletions(McpServer server) {
        return servesResources(server) || servesPrompts(server);
    }
}
