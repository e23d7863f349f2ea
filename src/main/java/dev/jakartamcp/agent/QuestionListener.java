package dev.jakartamcp.agent;

import jakarta.json.JsonObject;

/** Whoever shows a server's question to a person: the chat's stream, the tools console's stream. */
public interface QuestionListener {

    /** A server asks the person something; answer through {@link Elicitations#answer}. */
    void elicitation(String id, String message, JsonObject requestedSchema);

    /** The server withdrew its question (it stopped waiting): whoever shows it should close it. */
    default void elicitationClosed(String id, String reason) {
    }
}
