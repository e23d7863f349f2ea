package dev.jakartamcp.mcp.client;

import jakarta.json.JsonObject;

import java.util.function.Function;

/**
 * Answers elicitation/create in form mode: the server's message and the schema of the wanted form.
 * A handler that should learn when the server withdraws its question (to close a dialog) is built
 * with {@link #of(Function)} and gets the whole {@link Elicitation}; a plain lambda
 * {@code (message, schema) -> ...} is only interrupted then.
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

    /** What the client calls: the question with its cancellation signal. By default, the two-argument form. */
    default Answer elicit(Elicitation elicitation) {
        return elicit(elicitation.message(), elicitation.requestedSchema());
    }

    /** A handler that sees the whole question, including {@link Elicitation#onCancel(Runnable)}. */
    static ElicitationHandler of(Function<Elicitation, Answer> handler) {
        return new ElicitationHandler() {
            @Override
            public Answer elicit(String message, JsonObject requestedSchema) {
                return handler.apply(new Elicitation(message, requestedSchema));
            }

            @Override
            public Answer elicit(Elicitation elicitation) {
                return handler.apply(elicitation);
            }
        };
    }
}
