package dev.jakartamcp.agent;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * Where a turn's messages are kept. Each call gets a group that is valid on its own in Chat
 * Completions terms (a user message; an assistant message with all its tool results; a final
 * answer), so what is stored is a valid conversation whenever the turn ends.
 */
@FunctionalInterface
public interface Transcript {
    void record(List<JsonObject> group);
}
