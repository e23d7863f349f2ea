package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.time.Instant;

/**
 * What a sealed requestState says: which request it belongs to (server, method, tool, prompt or
 * resource, a digest of the arguments), who may present it, until when, the id of the exchange it
 * continues, and the answers of the rounds so far.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#server-requirements-basic-workflow
 */
public record StateClaims(Binding binding, Instant expiresAt, String flowId, JsonObject answers) {

    /**
     * The request a state is bound to; a state is only accepted on a request with an equal binding.
     *
     * @param server         the MCP server's name
     * @param method         tools/call, prompts/get or resources/read
     * @param target         the tool or prompt name, or the resource URI
     * @param argumentDigest SHA-256 of the canonical arguments
     * @param caller         {@link Caller#key()}: another principal cannot use the state
     */
    public record Binding(String server, String method, String target, String argumentDigest, String caller) {
    }

    JsonObject toJson() {
        return JsonCodec.object().add("v", 1)
                .add("srv", binding.server()).add("m", binding.method()).add("t", binding.target())
                .add("a", binding.argumentDigest()).add("c", binding.caller())
                .add("exp", expiresAt.getEpochSecond()).add("id", flowId).add("ans", answers).build();
    }

    /** Null when the payload is not one of ours (it decrypted, so that would be a bug or an old format). */
    static StateClaims fromJson(JsonObject json) {
        if (json.getInt("v", 0) != 1 || !(json.get("exp") instanceof JsonNumber exp)
                || !(json.get("id") instanceof JsonString id) || !(json.get("ans") instanceof JsonObject answers)) {
            return null;
        }
        return new StateClaims(new Binding(json.getString("srv", ""), json.getString("m", ""), json.getString("t", ""),
                json.getString("a", ""), json.getString("c", "")), Instant.ofEpochSecond(exp.longValue()), id.getString(), answers);
    }
}
