package dev.jakartamcp.agent;

import jakarta.json.JsonObject;

/** What an agent turn reports while it runs, in order; the chat streams each as an event. */
public interface TurnListener extends QuestionListener {

    void delta(String text);

    void toolCall(String server, String tool, JsonObject arguments);

    void toolResult(String server, String tool, boolean isError, String text);

    void error(String message);
}
