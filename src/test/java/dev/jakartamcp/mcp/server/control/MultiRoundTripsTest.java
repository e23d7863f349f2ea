package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static dev.jakartamcp.mcp.server.control.RequestStateSealerTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay engine of Multi Round-Trip Requests, with a handler that asks like a tool does. */
class MultiRoundTripsTest {

    final RequestStateSealerTest.MutableClock clock = new RequestStateSealerTest.MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    final InMemoryConsumedStates consumed = new InMemoryConsumedStates(100, clock);
    final MultiRoundTrips trips = new MultiRoundTrips(new RequestStateSealer(List.of(RequestStateSealer.Key.random()),
            Duration.ofSeconds(600), clock), consumed);
    final McpServer server = new McpServer("users", null, null, true, null, null, null);
    final AtomicInteger deleted = new AtomicInteger();

    /** Confirms, then "deletes"; the confirmation is the first elicitation of the run. */
    final Function<StatelessContext, JsonObject> delete = ctx -> {
        JsonObject answer = ctx.request("elicitation/create", JsonCodec.object().add("message", "Delete?").build());
        if ("accept".equals(answer.getString("action"))) {
            deleted.incrementAndGet();
            return JsonCodec.object().add("text", "deleted").build();
        }
        return JsonCodec.object().add("text", "kept").build();
    };

    @Test
    void asksThenCompletesWithTheAnswer() {
        MultiRoundTrips.Outcome first = run(call(null, null), delete, "alice");
        assertTrue(first.inputRequired());
        JsonObject asked = first.result().getJsonObject("inputRequests").getJsonObject("elicitation-1");
        assertEquals("elicitation/create", asked.getString("method"));
        assertEquals("Delete?", asked.getJsonObject("params").getString("message"));
        assertEquals(0, deleted.get());

        MultiRoundTrips.Outcome second = run(call(responses("elicitation-1", accept()), state(first)), delete, "alice");
        assertFalse(second.inputRequired());
        assertEquals("deleted", second.result().getString("text"));
        assertEquals(1, deleted.get());
    }

    @Test
    void aDeclineCompletesWithoutTheAction() {
        MultiRoundTrips.Outcome first = run(call(null, null), delete, "alice");
        MultiRoundTrips.Outcome second = run(call(responses("elicitation-1", JsonCodec.object().add("action", "decline").build()),
                state(first)), delete, "alice");
        assertEquals("kept", second.result().getString("text"));
        assertEquals(0, deleted.get());
    }

    @Test
    void aCompletedStateCannotBeReplayed() {
        MultiRoundTrips.Outcome first = run(call(null, null), delete, "alice");
        JsonObject retry = call(responses("elicitation-1", accept()), state(first));
        run(retry, delete, "alice");
        assertRefused("replayed", () -> run(retry, delete, "alice"));
        assertEquals(1, deleted.get(), "the action ran once");
    }

    @Test
    void aStateThatLedToAnotherQuestionCanBePresentedAgain() {
        Function<StatelessContext, JsonObject> twoSteps = ctx -> {
            String a = ctx.ask("step1", "elicitation/create", JsonCodec.object().add("message", "1").build()).getString("action");
            String b = ctx.ask("step2", "elicitation/create", JsonCodec.object().add("message", "2").build()).getString("action");
            return JsonCodec.object().add("text", a + "+" + b).build();
        };
        MultiRoundTrips.Outcome r1 = run(call(null, null), twoSteps, "alice");
        JsonObject retry1 = call(responses("step1", accept()), state(r1));
        MultiRoundTrips.Outcome r2 = run(retry1, twoSteps, "alice");
        assertTrue(r2.inputRequired());
        assertTrue(r2.result().getJsonObject("inputRequests").containsKey("step2"));
        assertNotEquals(state(r1), state(r2));
        // a lost response: the same retry again gets the same question
        assertTrue(run(retry1, twoSteps, "alice").inputRequired());
        // the answer of round 1 travels in the state: round 3 only sends step2
        MultiRoundTrips.Outcome r3 = run(call(responses("step2", JsonCodec.object().add("action", "cancel").build()), state(r2)),
                twoSteps, "alice");
        assertEquals("accept+cancel", r3.result().getString("text"));
        // and the exchange is used up, from any of its states
        assertRefused("replayed", () -> run(retry1, twoSteps, "alice"));
    }

    @Test
    void severalQuestionsInOneRoundAndMissingOnesAskedAgain() {
        Function<StatelessContext, JsonObject> three = ctx -> {
            Map<String, JsonObject> answers = ctx.ask(Map.of(
                    "name", new InputRequest("elicitation/create", JsonCodec.object().add("message", "n").build()),
                    "llm", new InputRequest("sampling/createMessage", JsonCodec.object().add("maxTokens", 5).build()),
                    "roots", new InputRequest("roots/list", null)));
            return JsonCodec.object().add("n", answers.size()).build();
        };
        MultiRoundTrips.Outcome r1 = run(call(null, null), three, "alice");
        assertEquals(3, r1.result().getJsonObject("inputRequests").size());
        JsonObject sampled = JsonCodec.object().add("role", "assistant")
                .add("content", JsonCodec.object().add("type", "text").add("text", "hi")).add("model", "m").build();
        MultiRoundTrips.Outcome r2 = run(call(responses("llm", sampled).add("wrong_key", accept()), state(r1)), three, "alice");
        assertEquals(List.of("name", "roots"), List.copyOf(new java.util.TreeSet<>(r2.result().getJsonObject("inputRequests").keySet())));
        MultiRoundTrips.Outcome r3 = run(call(responses("name", accept())
                .add("roots", JsonCodec.object().add("roots", JsonCodec.array())), state(r2)), three, "alice");
        assertEquals(3, r3.result().getInt("n"));
    }

    @Test
    void answersWithoutAStateAreUsedAndExtraKeysIgnored() {
        MultiRoundTrips.Outcome done = run(call(responses("elicitation-1", accept()).add("extra", accept()), null), delete, "alice");
        assertFalse(done.inputRequired());
    }

    @Test
    void anotherCallerCannotUseTheState() {
        MultiRoundTrips.Outcome first = run(call(null, null), delete, "alice");
        assertRefused("mismatch", () -> run(call(responses("elicitation-1", accept()), state(first)), delete, "mallory"));
        assertEquals(0, deleted.get());
    }

    @Test
    void malformedInputIsInvalidParams() {
        assertInvalidInput(JsonCodec.object().add("name", "delete_user").add("inputResponses", 12345).build());
        assertInvalidInput(JsonCodec.object().add("name", "delete_user").add("inputResponses",
                JsonCodec.object().add("elicitation-1", 12345)).build());
        assertInvalidInput(JsonCodec.object().add("name", "delete_user").add("requestState", 5).build());
        // the right key, the wrong shape for an elicitation result
        assertInvalidInput(call(responses("elicitation-1", JsonCodec.object().add("action", "maybe").build()), null));
        assertEquals(0, deleted.get());
    }

    @Test
    void onlyDeclaredKindsCanBeAsked() {
        StatelessContext noElicitation = new StatelessContext(null, new MetaEnvelope("2026-07-28",
                JsonCodec.object().add("sampling", JsonObject.EMPTY_JSON_OBJECT).build(), null, null), null);
        ClientRequestException e = assertThrows(ClientRequestException.class, () -> trips.run(server,
                new JsonRpcMessage.Request(JsonCodec.number(1), "tools/call", call(null, null)), noElicitation, false, delete));
        assertEquals(ClientRequestException.Reason.CAPABILITY_MISSING, e.reason());
    }

    @Test
    void consumedStatesAreBoundedAndForgottenWhenTheyLapse() {
        InMemoryConsumedStates small = new InMemoryConsumedStates(2, clock);
        Instant lapse = clock.instant().plusSeconds(10);
        assertEquals(ConsumedStates.Claim.CLAIMED, small.claim("a", lapse));
        assertEquals(ConsumedStates.Claim.ALREADY_USED, small.claim("a", lapse));
        assertEquals(ConsumedStates.Claim.CLAIMED, small.claim("b", lapse));
        assertEquals(ConsumedStates.Claim.FULL, small.claim("c", lapse));
        small.release("b");
        assertEquals(ConsumedStates.Claim.CLAIMED, small.claim("c", lapse));
        clock.now = lapse;
        assertEquals(ConsumedStates.Claim.CLAIMED, small.claim("d", lapse.plusSeconds(10)));
        assertEquals(1, small.size(), "the lapsed ones were dropped to make room");
    }

    private void assertInvalidInput(JsonObject params) {
        McpError e = assertThrows(McpError.class, () -> run(params, delete, "alice"));
        assertEquals(-32602, e.error().code());
        assertEquals("invalid-input", e.error().data().asJsonObject().getString("mrtr"));
    }

    @Test
    void aDestructiveToolIgnoresAnUnsolicitedYesAndAsks() {
        MultiRoundTrips.Outcome unsolicited = run(call(responses("elicitation-1", accept()), null), delete, "alice", true);
        assertTrue(unsolicited.inputRequired(), "a yes to a question never asked is not a confirmation");
        assertEquals(0, deleted.get());
        MultiRoundTrips.Outcome confirmed = run(call(responses("elicitation-1", accept()), state(unsolicited)), delete, "alice", true);
        assertFalse(confirmed.inputRequired());
        assertEquals(1, deleted.get(), "the yes to our own sealed question counts");
    }

    private MultiRoundTrips.Outcome run(JsonObject params, Function<StatelessContext, JsonObject> handler, String caller) {
        return run(params, handler, caller, false);
    }

    private MultiRoundTrips.Outcome run(JsonObject params, Function<StatelessContext, JsonObject> handler, String caller,
                                        boolean sealedAnswersOnly) {
        StatelessContext context = new StatelessContext(Caller.anonymous(caller), new MetaEnvelope("2026-07-28",
                JsonCodec.object().add("elicitation", JsonObject.EMPTY_JSON_OBJECT).add("sampling", JsonObject.EMPTY_JSON_OBJECT)
                        .add("roots", JsonObject.EMPTY_JSON_OBJECT).build(), null, null), null);
        return trips.run(server, new JsonRpcMessage.Request(JsonCodec.number(1), "tools/call", params), context,
                sealedAnswersOnly, handler);
    }

    private static JsonObject call(JsonObjectBuilder responses, String state) {
        JsonObjectBuilder params = JsonCodec.object().add("name", "delete_user").add("arguments", JsonCodec.object().add("id", 7));
        if (responses != null) params.add("inputResponses", responses);
        if (state != null) params.add("requestState", state);
        return params.build();
    }

    private static JsonObjectBuilder responses(String key, JsonObject answer) {
        return JsonCodec.object().add(key, answer);
    }

    private static JsonObject accept() {
        return JsonCodec.object().add("action", "accept").add("content", JsonCodec.object().add("confirm", true)).build();
    }

    private static String state(MultiRoundTrips.Outcome outcome) {
        return outcome.result().getString("requestState");
    }
}
