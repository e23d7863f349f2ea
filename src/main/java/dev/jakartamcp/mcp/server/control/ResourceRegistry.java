package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resources and resource templates of one server.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/resources
 */
public final class ResourceRegistry {

    private final Map<String, McpResource> resources = new TreeMap<>();
    private final List<McpResourceTemplate> templates;

    ResourceRegistry(Iterable<McpResource> resources, Iterable<McpResourceTemplate> templates) {
        resources.forEach(r -> this.resources.put(r.definition().uri(), r));
        List<McpResourceTemplate> list = new java.util.ArrayList<>();
        templates.forEach(list::add);
        list.sort(java.util.Comparator.comparing(t -> t.definition().uriTemplate()));
        this.templates = List.copyOf(list);
    }

    public boolean isEmpty() {
        return resources.isEmpty() && templates.isEmpty();
    }

    public Pages.Page<ResourceDefinition> page(String cursor, int pageSize) {
        return Pages.of(resources.values().stream().map(McpResource::definition).toList(), "resources", cursor, pageSize);
    }

    public Pages.Page<ResourceDefinition> templatePage(String cursor, int pageSize) {
        return Pages.of(templates.stream().map(McpResourceTemplate::definition).toList(), "templates", cursor, pageSize);
    }

    /** A fixed resource first, then the first template that matches; -32002 when nothing does. */
    public List<ResourceContents> read(String uri, CallContext context) {
        McpResource resource = resources.get(uri);
        if (resource != null) {
            return resource.read(context);
        }
        for (McpResourceTemplate template : templates) {
            Optional<Map<String, String>> variables = template.match(uri);
            if (variables.isPresent()) {
                return template.read(uri, variables.get(), context);
            }
        }
        throw McpError.resourceNotFound(uri);
    }

    /** The scope reading (or subscribing to) a URI needs: that of its resource or first matching template. */
    public String requiredScope(String uri) {
        McpResource resource = resources.get(uri);
        if (resource != null) {
            return resource.requiredScope();
        }
        return templates.stream().filter(t -> t.match(uri).isPresent()).findFirst()
                .map(McpResourceTemplate::requiredScope).orElse(null);
    }

    /** Whether a URI names a resource we serve (fixed or by template), for subscriptions. */
    public boolean knows(String uri) {
        return resources.containsKey(uri) || templates.stream().anyMatch(t -> t.match(uri).isPresent());
    }

    public Optional<McpResourceTemplate> template(String uriTemplate) {
        return templates.stream().filter(t -> t.definition().uriTemplate().equals(uriTemplate)).findFirst();
    }
}
