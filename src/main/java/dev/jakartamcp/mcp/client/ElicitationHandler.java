package dev.jakartamcp.mcp.client;

import jakarta.json.JsonObject;

/**
 * Answers elicitation/create in form mode: the server's message and the schema of the wanted form.
 * https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation
 */
@FunctionalInterface
public interface ElicitationHandler {

    /** What the person answered. */
    record Answer(String action, JsonObject content) {
        public static Answer accept(JsonObject content) {
            return new Answer("accept", content);
        }

        public static Answer decline() {
            return new Answer("decline", null);
        }

        public static Answer cancel() {
            return new Answer("cancel", null);
        }
    }

    Answer elicit(String message, JsonObject requestedSchema);
}
