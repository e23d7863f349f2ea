package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.PromptMessage;

import java.util.List;
import java.util.Map;

/**
 * A prompt template. The engine checks required arguments before {@link #get} runs.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/prompts
 */
public interface McpPrompt {

    PromptDefinition definition();

    List<PromptMessage> get(Map<String, String> arguments, CallContext context);

    /** Values for an argument, for completion/complete. */
    default List<String> complete(String argument, String prefix) {
        return List.of();
    }
}
