package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The answer to server/discover: what a 2026-07-28 client learns instead of initialize. The
 * capabilities are exactly the handlers that answer on this revision: tool and prompt list changes
 * and resource updates on subscriptions/listen ({@link Subscriptions}), no resource list changes
 * (the list is fixed), no logging capability (the level travels in each request's _meta).
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/lifecycle
 *
 * @param instructions null for none
 */
public record DiscoverResult(List<String> supportedVersions, JsonObject capabilities, String instructions) {

    public static DiscoverResult of(McpServer server) {
        JsonObjectBuilder caps = JsonCodec.object().add("tools", JsonCodec.object().add("listChanged", true));
        if (StatelessMethods.servesResources(server)) {
            caps.add("resources", JsonCodec.object().add("subscribe", true));
        }
        if (StatelessMethods.servesPrompts(server)) {
            caps.add("prompts", JsonCodec.object().add("listChanged", true));
        }
        if (StatelessMethods.servesCompletions(server)) {
            caps.add("completions", JsonValue.EMPTY_JSON_OBJECT);
        }
        return new DiscoverResult(ProtocolVersion.ALL, caps.build(), server.instructions());
    }

    /** Without resultType, _meta and cache hints: {@link StatelessResults} adds those to every result. */
    public JsonObject toJson() {
        JsonArrayBuilder versions = JsonCodec.array();
        supportedVersions.forEach(versions::add);
        JsonObjectBuilder json = JsonCodec.object().add("supportedVersions", versions).add("capabilities", capabilities);
        if (instructions != null) {
            json.add("instructions", instructions);
        }
        return json.build();
    }
}
