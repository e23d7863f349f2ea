package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;

import java.util.List;

/**
 * A resource with a fixed URI.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/resources
 */
public interface McpResource {

    ResourceDefinition definition();

    List<ResourceContents> read(CallContext context);
}
