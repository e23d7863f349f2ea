package dev.jakartamcp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi Round-Trip Requests on 2026-07-28, raw HTTP against the real WAR: delete_user asks for its
 * confirmation with an InputRequiredResult and deletes only on an accepted, ticked retry; a
 * changed, foreign or used-up requestState is refused 400 -32602; several rounds on the
 * conformance fixtures.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 */
@ExtendWith(ArquillianExtension.class)
class McpMrtrIT {

    static final String V2026 = "2026-07-28";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig("mcp.conformance.enabled=true\n");
    }

    @ArquillianResource
    URL deployed;

    RawMcp users;
    RawMcp fixtures;
    int ids = 1000;

    @BeforeEach
    void connect() {
        URI base = Deployments.localBase(deployed);
        users = new RawMcp(base);
        fixtures = new RawMcp(base.resolve("conformance/"));
    }

    @Test
    void deleteAsksThenDeletesOnAnAcceptedConfirmation() {
        long id = addUser();
        JsonObject asked = deleteRound(id, null, null);
        assertEquals("input_required", asked.getString("resultType"), asked.toString());
        JsonObject question = asked.getJsonObject("inputRequests").getJsonObject("elicitation-1");
        assertEquals("elicitation/create", question.getString("method"));
        assertTrue(question.getJsonObject("params").getString("message").startsWith("Delete "), question.toString());
        assertTrue(question.getJsonObject("params").getJsonObject("requestedSchema").getJsonObject("properties").containsKey("confirm"));
        assertEquals("jakarta-mcp-users", asked.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"));
        assertFalse(asked.containsKey("ttlMs"), "an InputRequiredResult is not cacheable");
        assertTrue(exists(id), "nothing deleted before the answer");

        JsonObject done = deleteRound(id, answer("accept", true), asked.getString("requestState"));
        assertEquals("complete", done.getString("resultType"), done.toString());
        assertEquals("Deleted user " + id + ".", text(done));
        assertFalse(exists(id));
    }

    @Test
    void declineCancelOrAnUntickedBoxDeletesNothing() {
        long id = addUser();
        for (JsonObject answer : new JsonObject[]{answer("decline", null), answer("cancel", null), answer("accept", false)}) {
            JsonObject asked = deleteRound(id, null, null);
            JsonObject done = deleteRound(id, answer, asked.getString("requestState"));
            assertEquals("complete", done.getString("resultType"), done.toString());
            assertTrue(text(done).contains("NOT deleted"), done.toString());
            assertTrue(exists(id), "still there after " + answer);
        }
    }

    @Test
    void aChangedStateIsRefusedAndDeletesNothing() {
        long id = addUser();
        JsonObject asked = deleteRound(id, null, null);
        String state = asked.getString("requestState");
        JsonObject error = assertRefused(deleteCall(id, answer("accept", true), state + "-TAMPERED"), "requestState-invalid");
        assertFalse(error.getString("message").contains("Exception"), error.toString());
        String flipped = state.substring(0, state.length() - 3) + (state.endsWith("AAA") ? "BBB" : "AAA");
        assertRefused(deleteCall(id, answer("accept", true), flipped), "requestState-invalid");
        assertTrue(exists(id));
    }

    @Test
    void aStateForAnotherUserIsRefused() {
        long mine = addUser();
        long other = addUser();
        String state = deleteRound(mine, null, null).getString("requestState");
        assertRefused(deleteCall(other, answer("accept", true), state), "requestState-mismatch");
        assertTrue(exists(other));
        assertTrue(exists(mine));
    }

    @Test
    void aYesToAQuestionNeverAskedDeletesNothing() {
        long id = addUser();
        JsonObject asked = deleteRound(id, answer("accept", true), null);
        assertEquals("input_required", asked.getString("resultType"), "delete_user is destructive: it asks itself: " + asked);
        assertTrue(exists(id));
    }

    @Test
    void aUsedStateCannotBeReplayed() {
        long id = addUser();
        String state = deleteRound(id, null, null).getString("requestState");
        assertEquals("Deleted user " + id + ".", text(deleteRound(id, answer("accept", true), state)));
        assertRefused(deleteCall(id, answer("accept", true), state), "requestState-replayed");
    }

    @Test
    void multiRoundOnTheFixture() {
        JsonObject r1 = fixtureCall("tools/call", "test_input_required_result_multi_round", null, null);
        assertEquals(Map.of("step1", "elicitation/create"), methods(r1));
        JsonObject r2 = fixtureCall("tools/call", "test_input_required_result_multi_round",
                Json.createObjectBuilder().add("step1", form("name", "Ada")), r1.getString("requestState"));
        assertEquals(Map.of("step2", "elicitation/create"), methods(r2));
        assertNotEquals(r1.getString("requestState"), r2.getString("requestState"));
        JsonObject r3 = fixtureCall("tools/call", "test_input_required_result_multi_round",
                Json.createObjectBuilder().add("step2", form("color", "green")), r2.getString("requestState"));
        assertEquals("complete", r3.getString("resultType"));
        assertEquals("Multi-round complete for Ada who likes green", text(r3));
    }

    @Test
    void severalInputsInOneRoundAndAPromptThatAsks() {
        JsonObject r1 = fixtureCall("tools/call", "test_input_required_result_multiple_inputs", null, null);
        assertEquals(Map.of("user_name", "elicitation/create", "greeting", "sampling/createMessage", "client_roots", "roots/list"),
                methods(r1));
        JsonObject r2 = fixtureCall("tools/call", "test_input_required_result_multiple_inputs", Json.createObjectBuilder()
                .add("user_name", form("name", "Ada"))
                .add("greeting", Json.createObjectBuilder().add("role", "assistant").add("model", "m")
                        .add("content", Json.createObjectBuilder().add("type", "text").add("text", "Hi")))
                .add("client_roots", Json.createObjectBuilder().add("roots", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("uri", "file:///r")))), r1.getString("requestState"));
        assertEquals("Name: Ada; Greeting: Hi; Roots: 1", text(r2));

        JsonObject p1 = fixtureCall("prompts/get", "test_input_required_result_prompt", null, null);
        assertEquals(Map.of("user_context", "elicitation/create"), methods(p1));
        JsonObject p2 = fixtureCall("prompts/get", "test_input_required_result_prompt",
                Json.createObjectBuilder().add("user_context", form("context", "tests")), p1.getString("requestState"));
        assertEquals("Prompt with context: tests",
                p2.getJsonArray("messages").getJsonObject(0).getJsonObject("content").getString("text"));
    }

    @Test
    void nothingIsAskedThatTheClientDidNotDeclare() {
        JsonObject meta = meta(Json.createObjectBuilder().add("sampling", Json.createObjectBuilder())).build();
        HttpResponse<String> r = fixtures.post(body("tools/call", Json.createObjectBuilder().add("_meta", meta)
                .add("name", "test_input_required_result_capabilities").add("arguments", Json.createObjectBuilder())),
                null, headers("tools/call", "test_input_required_result_capabilities"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Map.of("sample_input", "sampling/createMessage"), methods(RawMcp.responseOf(r).getJsonObject("result")));
    }

    // ---- helpers ----

    private long addUser() {
        JsonObject result = call(users, "tools/call", "add_user", Json.createObjectBuilder().add("name", "Mona").add("surname", "Trip")
                .add("email", "mrtr-" + UUID.randomUUID() + "@example.com").add("about_me", "Made by McpMrtrIT"), null, null);
        assertFalse(result.getBoolean("isError", false), result.toString());
        return result.getJsonObject("structuredContent").getJsonNumber("id").longValue();
    }

    private boolean exists(long id) {
        return !call(users, "tools/call", "get_user_by_id", Json.createObjectBuilder().add("id", id), null, null).getBoolean("isError", false);
    }

    private JsonObject deleteRound(long id, JsonObject answer, String state) {
        HttpResponse<String> r = deleteCall(id, answer, state);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject message = RawMcp.responseOf(r);
        assertNotNull(message.getJsonObject("result"), r.body());
        return message.getJsonObject("result");
    }

    private HttpResponse<String> deleteCall(long id, JsonObject answer, String state) {
        return post(users, "tools/call", "delete_user", Json.createObjectBuilder().add("id", id),
                answer == null ? null : Json.createObjectBuilder().add("elicitation-1", answer), state);
    }

    private JsonObject fixtureCall(String method, String name, JsonObjectBuilder responses, String state) {
        HttpResponse<String> r = post(fixtures, method, name, "tools/call".equals(method) ? Json.createObjectBuilder() : null, responses, state);
        assertEquals(200, r.statusCode(), r.body());
        return RawMcp.responseOf(r).getJsonObject("result");
    }

    private JsonObject call(RawMcp to, String method, String name, JsonObjectBuilder arguments, JsonObjectBuilder responses, String state) {
        HttpResponse<String> r = post(to, method, name, arguments, responses, state);
        assertEquals(200, r.statusCode(), r.body());
        return RawMcp.responseOf(r).getJsonObject("result");
    }

    private HttpResponse<String> post(RawMcp to, String method, String name, JsonObjectBuilder arguments,
                                      JsonObjectBuilder responses, String state) {
        JsonObjectBuilder params = Json.createObjectBuilder().add("_meta", meta(Json.createObjectBuilder()
                .add("elicitation", Json.createObjectBuilder()).add("sampling", Json.createObjectBuilder())
                .add("roots", Json.createObjectBuilder())));
        params.add("name", name);
        if (arguments != null) params.add("arguments", arguments);
        if (responses != null) params.add("inputResponses", responses);
        if (state != null) params.add("requestState", state);
        return to.post(body(method, params), null, headers(method, name));
    }

    private String body(String method, JsonObjectBuilder params) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", ids++).add("method", method).add("params", params).build().toString();
    }

    private static JsonObjectBuilder meta(JsonObjectBuilder capabilities) {
        return Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", V2026)
                .add("io.modelcontextprotocol/clientCapabilities", capabilities)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "mrtr-it").add("version", "1"));
    }

    private static Map<String, String> headers(String method, String name) {
        Map<String, String> h = new HashMap<>();
        h.put("MCP-Protocol-Version", V2026);
        h.put("Mcp-Method", method);
        h.put("Mcp-Name", name);
        return h;
    }

    private static JsonObject answer(String action, Boolean confirm) {
        JsonObjectBuilder a = Json.createObjectBuilder().add("action", action);
        if (confirm != null) a.add("content", Json.createObjectBuilder().add("confirm", confirm));
        return a.build();
    }

    private static JsonObjectBuilder form(String field, String value) {
        return Json.createObjectBuilder().add("action", "accept").add("content", Json.createObjectBuilder().add(field, value));
    }

    private static Map<String, String> methods(JsonObject inputRequired) {
        assertEquals("input_required", inputRequired.getString("resultType"), inputRequired.toString());
        assertTrue(inputRequired.containsKey("requestState"), inputRequired.toString());
        Map<String, String> methods = new HashMap<>();
        inputRequired.getJsonObject("inputRequests").forEach((k, v) -> methods.put(k, v.asJsonObject().getString("method")));
        return methods;
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static JsonObject assertRefused(HttpResponse<String> r, String reason) {
        assertEquals(400, r.statusCode(), r.body());
        JsonObject error = RawMcp.json(r.body()).asJsonObject().getJsonObject("error");
        assertNotNull(error, r.body());
        assertEquals(-32602, error.getInt("code"), r.body());
        assertEquals(reason, error.getJsonObject("data").getString("mrtr"), r.body());
        return error;
    }
}
