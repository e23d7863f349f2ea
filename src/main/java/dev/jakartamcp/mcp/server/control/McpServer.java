package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.Implementation;

/**
 * One MCP server behind one endpoint: who it says it is, and what it offers.
 *
 * @param enabled a disabled server answers 404 to everything
 */
public record McpServer(String name, Implementation info, String instructions, boolean enabled,
                        ToolRegistry tools, ResourceRegistry resources, PromptRegistry prompts) {
}
