package dev.jakartamcp.agent;

import jakarta.json.JsonObject;

/** What an agent turn reports while it runs, in order; the chat streams each as an event. */
public interface TurnListener extends QuestionListener {

    void delta(String text);

    void toolCall(String server, String tool, JsonObject arguments);

    void toolResult(String server, String tool, boolean isError, String text);

    void error(String message);

    /** An MCP server needs the person to sign in at {@code url} (in a new tab); the turn waits for it. */
    default void signIn(String id, String server, String url) {
    }

    /** That sign-in no longer waits: {@code outcome} says why (finished, timed out, the turn ended). */
    default void signInClosed(String id, String outcome) {
    }
}
