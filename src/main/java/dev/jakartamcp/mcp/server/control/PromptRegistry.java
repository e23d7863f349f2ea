package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.PromptDefinition;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The prompts of one server.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/prompts
 */
public final class PromptRegistry {

    private final Map<String, McpPrompt> prompts = new TreeMap<>();

    PromptRegistry(Iterable<McpPrompt> prompts) {
        prompts.forEach(p -> this.prompts.put(p.definition().name(), p));
    }

    public boolean isEmpty() {
        return prompts.isEmpty();
    }

    public Optional<McpPrompt> find(String name) {
        return Optional.ofNullable(prompts.get(name));
    }

    public Pages.Page<PromptDefinition> page(String cursor, int pageSize) {
        return Pages.of(prompts.values().stream().map(McpPrompt::definition).toList(), "prompts", cursor, pageSize);
    }
}
