package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ToolAnnotations;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatPolicyTest {

    private static ToolDefinition tool(String name, ToolAnnotations annotations) {
        return new ToolDefinition(name, null, null, JsonCodec.object().add("type", "object").build(), null, annotations);
    }

    private static JsonObject call(String name) {
        return JsonCodec.object().add("name", name).build();
    }

    @Test
    void listsReadsPromptsCompletionAndPingAreSafeOtherMethodsAreNot() {
        RepeatPolicy policy = new RepeatPolicy();
        for (String method : List.of("tools/list", "resources/list", "resources/templates/list", "prompts/list",
                "resources/read", "prompts/get", "completion/complete", "ping")) {
            assertTrue(policy.safeToRepeat(method, JsonCodec.object().build()), method);
        }
        for (String method : List.of("resources/subscribe", "logging/setLevel", "tasks/cancel", "something/else")) {
            assertFalse(policy.safeToRepeat(method, JsonCodec.object().build()), method);
        }
    }

    @Test
    void toolsAreSafeOnlyWithReadOnlyOrIdempotentHints() {
        RepeatPolicy policy = new RepeatPolicy();
        assertFalse(policy.safeToRepeat("tools/call", call("get_user_by_id")), "unknown before tools/list");
        policy.learn(List.of(
                tool("get_user_by_id", ToolAnnotations.readOnly("Get")),
                tool("update_user", ToolAnnotations.writing("Update", false, true)),
                tool("add_user", ToolAnnotations.writing("Add", false, false)),
                tool("delete_user", new ToolAnnotations(null, null, true, null, null)),
                tool("plain", null)));
        assertTrue(policy.safeToRepeat("tools/call", call("get_user_by_id")));
        assertTrue(policy.safeToRepeat("tools/call", call("update_user")));
        assertFalse(policy.safeToRepeat("tools/call", call("add_user")));
        assertFalse(policy.safeToRepeat("tools/call", call("delete_user")));
        assertFalse(policy.safeToRepeat("tools/call", call("plain")));
        assertFalse(policy.safeToRepeat("tools/call", call("never_listed")));
        assertFalse(policy.safeToRepeat("tools/call", JsonCodec.object().add("name", 3).build()));

        policy.learn(List.of(tool("update_user", ToolAnnotations.writing("Update", false, false))));
        assertFalse(policy.safeToRepeat("tools/call", call("update_user")), "the last listing wins");
        assertFalse(policy.safeToRepeat("tools/call", call("get_user_by_id")), "a tool no longer listed is unknown");
    }
}
