package dev.jakartamcp.agent;

import jakarta.json.JsonObject;

/** What an agent turn reports while it runs, in order; the chat streams each as an event. */
public interface TurnListener {

    void delta(String text);

    void toolCall(String server, String tool, JsonObject arguments);

    void toolResult(String server, String tool, boolean isError, String text);

    /** A server asks the person something; answer through {@link Elicitations#answer}. */
    void elicitation(String id, String message, JsonObject requestedSchema);

    void error(String message);

    /** The server withdrew its question (it stopped waiting): whoever shows it should close it. */
    default void elicitationClosed(String id, String reason) {
    }
}
