package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** What every 2026-07-28 result and error carries beyond its 2025 shape. */
public final class StatelessResults {

    /** server/discover: the capabilities only change with a new deployment. */
    static final long DISCOVER_TTL_MS = 60_000;
    /** Lists and reads: revalidate (no list-change notifications on this revision yet). */
    static final long REVALIDATE_TTL_MS = 0;

    private StatelessResults() {
    }

    /**
     * resultType "complete" on every result; serverInfo in its _meta; the cache hints on the
     * cacheable ones. A list is the same for every anonymous caller ("public"); with a token it is
     * filtered by its scopes, and a read is a person's data ("private").
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/index
     * https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
     */
    public static JsonObject complete(McpServer server, String method, JsonObject result, Caller caller) {
        JsonObject meta = result.get("_meta") instanceof JsonObject m ? m : JsonObject.EMPTY_JSON_OBJECT;
        JsonObjectBuilder json = JsonCodec.object(result).add("resultType", "complete")
                .add("_meta", JsonCodec.object(meta).add(MetaEnvelope.SERVER_INFO, server.info().toJson()));
        boolean personal = caller != null && caller.signedIn();
        switch (method) {
            case "server/discover" -> hint(json, DISCOVER_TTL_MS, "public");
            case "tools/list", "prompts/list", "resources/list", "resources/templates/list" ->
                    hint(json, REVALIDATE_TTL_MS, personal ? "private" : "public");
            case "resources/read" -> hint(json, REVALIDATE_TTL_MS, "private");
            default -> {
            }
        }
        return json.build();
    }

    /**
     * An InputRequiredResult: what the client must answer and the sealed state to echo. Never cache
     * hints: it is no answer to keep.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#inputrequiredresult
     */
    public static JsonObject inputRequired(McpServer server, JsonObject fields) {
        return JsonCodec.object(fields).add("resultType", "input_required")
                .add("_meta", JsonCodec.object().add(MetaEnvelope.SERVER_INFO, server.info().toJson())).build();
    }

    /**
     * Resource not found is invalid params on this revision (it was -32002), with the same data.
     * https://modelcontextprotocol.io/specification/2026-07-28/server/resources#error-handling
     */
    public static JsonRpcError error(JsonRpcError error) {
        return error.code() == JsonRpcError.RESOURCE_NOT_FOUND
                ? new JsonRpcError(JsonRpcError.INVALID_PARAMS, error.message(), error.data()) : error;
    }

    private static void hint(JsonObjectBuilder json, long ttlMs, String scope) {
        json.add("ttlMs", ttlMs).add("cacheScope", scope);
    }
}
