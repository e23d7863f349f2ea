package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family of resources named by an RFC 6570 level-1 URI template such as {@code users://{id}}.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/resources#resource-templates
 */
public interface McpResourceTemplate {

    ResourceDefinition definition();

    /** Reads a URI that matched the template; throw {@link McpError#resourceNotFound} when it names nothing. */
    List<ResourceContents> read(String uri, Map<String, String> variables, CallContext context);

    /** Values for a template variable, for completion/complete. */
    default List<String> complete(String variable, String prefix) {
        return List.of();
    }

    /** The template's variables if the URI matches it. */
    default Optional<Map<String, String>> match(String uri) {
        String template = definition().uriTemplate();
        Matcher names = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        java.util.List<String> variables = new java.util.ArrayList<>();
        int last = 0;
        while (names.find()) {
            regex.append(Pattern.quote(template.substring(last, names.start()))).append("([^/]+)");
            variables.add(names.group(1));
            last = names.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher m = Pattern.compile(regex.toString()).matcher(uri);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), m.group(i + 1));
        }
        return Optional.of(values);
    }

    /**
     * The OAuth scope a caller's token needs to read resources of this template when identity is on; null: none. A tool the
     * token may not call is not listed to it either.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling
     */
    default String requiredScope() {
        return null;
    }
}
