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

    /**
     * The OAuth scope a caller's token needs to read this resource when identity is on; null: none. A tool the
     * token may not call is not listed to it either.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling
     */
    default String requiredScope() {
        return null;
    }
}
