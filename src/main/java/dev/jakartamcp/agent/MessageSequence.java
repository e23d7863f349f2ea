package dev.jakartamcp.agent;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a stored conversation acceptable to Chat Completions: every assistant message with
 * {@code tool_calls} directly followed by one tool message per call, and no tool message anywhere
 * else. Conversations written before turns were serialized may break this; the LLM would reject
 * them forever, so broken groups are left out of what it is sent.
 */
public final class MessageSequence {

    private MessageSequence() {
    }

    public static List<JsonObject> valid(List<JsonObject> messages) {
        List<JsonObject> out = new ArrayList<>();
        int i = 0;
        while (i < messages.size()) {
            JsonObject m = messages.get(i);
            String role = m.getString("role", "");
            if (role.equals("tool")) {
                i++; // answers no call right before it
                continue;
            }
            Set<String> ids = callIds(m);
            if (!role.equals("assistant") || ids.isEmpty()) {
                out.add(m);
                i++;
                continue;
            }
            List<JsonObject> group = new ArrayList<>();
            group.add(m);
            Set<String> open = new LinkedHashSet<>(ids);
            int j = i + 1;
            while (j < messages.size() && messages.get(j).getString("role", "").equals("tool")) {
                JsonObject tool = messages.get(j);
                if (open.remove(tool.getString("tool_call_id", ""))) {
                    group.add(tool);
                }
                j++;
            }
            if (open.isEmpty()) {
                out.addAll(group);
            }
            i = j;
        }
        return out;
    }

    private static Set<String> callIds(JsonObject message) {
        Set<String> ids = new LinkedHashSet<>();
        if (message.get("tool_calls") instanceof JsonArray calls) {
            for (JsonValue call : calls) {
                if (call instanceof JsonObject c) {
                    ids.add(c.getString("id", ""));
                }
            }
        }
        return ids;
    }
}
