package dev.jakartamcp.agent;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageSequenceTest {

    private static JsonObject user(String text) {
        return JsonCodec.object().add("role", "user").add("content", text).build();
    }

    private static JsonObject answer(String text) {
        return JsonCodec.object().add("role", "assistant").add("content", text).build();
    }

    private static JsonObject calls(String... ids) {
        var list = JsonCodec.array();
        for (String id : ids) {
            list.add(new LlmClient.ToolCall(id, "t", "{}").toJson());
        }
        return JsonCodec.object().add("role", "assistant").add("tool_calls", list).build();
    }

    private static JsonObject tool(String id) {
        return JsonCodec.object().add("role", "tool").add("tool_call_id", id).add("content", "r").build();
    }

    @Test
    void aValidConversationIsKeptAsItIs() {
        List<JsonObject> valid = List.of(user("a"), calls("1", "2"), tool("2"), tool("1"), answer("b"), user("c"), calls("3"), tool("3"));
        assertEquals(valid, MessageSequence.valid(valid));
    }

    @Test
    void interleavedTurnsLoseOnlyTheirBrokenGroups() {
        // what two concurrent turns used to store: a question between a call and its result
        List<JsonObject> broken = List.of(user("a"), calls("1"), user("b"), tool("1"), answer("x"), calls("2", "3"), tool("2"),
                answer("y"));
        assertEquals(List.of(user("a"), user("b"), answer("x"), answer("y")), MessageSequence.valid(broken));
    }

    @Test
    void aDanglingCallAtTheEndAndStrayResultsAreDropped() {
        assertEquals(List.of(user("a")), MessageSequence.valid(List.of(tool("0"), user("a"), calls("1"))));
        assertEquals(List.of(user("a"), calls("1"), tool("1")),
                MessageSequence.valid(List.of(user("a"), calls("1"), tool("1"), tool("1"), tool("9"))));
    }
}
