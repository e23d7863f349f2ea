package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The answers one run of a 2026-07-28 handler can use: those of earlier rounds (sealed in the
 * requestState) and those the retry carries in {@code inputResponses}. A handler runs from the start
 * every round; what it asks that has no answer yet ends the run with an InputRequiredResult.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 */
public final class InputRound {

    private static final Set<String> ELICIT_ACTIONS = Set.of("accept", "decline", "cancel");

    private final Map<String, JsonObject> sealed;
    private final Map<String, JsonObject> given;
    private final Map<String, JsonObject> used = new LinkedHashMap<>();

    /**
     * @param sealed answers of earlier rounds, from a verified requestState
     * @param given  this retry's inputResponses; keys nobody asks for are ignored, as the spec says
     *               https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#error-handling
     */
    public InputRound(Map<String, JsonObject> sealed, Map<String, JsonObject> given) {
        this.sealed = Map.copyOf(sealed);
        this.given = Map.copyOf(given);
    }

    public static InputRound first() {
        return new InputRound(Map.of(), Map.of());
    }

    /**
     * The answers to all of {@code requests}, or an InputRequiredException asking for those still
     * missing (all of them in one round). A missing answer is asked again rather than refused.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#error-handling
     */
    public Map<String, JsonObject> answers(Map<String, InputRequest> requests) {
        Map<String, JsonObject> found = new LinkedHashMap<>();
        Map<String, InputRequest> missing = new LinkedHashMap<>();
        for (var e : requests.entrySet()) {
            JsonObject answer = sealed.containsKey(e.getKey()) ? sealed.get(e.getKey()) : given.get(e.getKey());
            if (answer == null) {
                missing.put(e.getKey(), e.getValue());
            } else {
                found.put(e.getKey(), check(e.getKey(), e.getValue(), answer));
            }
        }
        used.putAll(found);
        if (!missing.isEmpty()) {
            throw new InputRequiredException(missing);
        }
        return found;
    }

    /** The answers this run used: what the next requestState carries. */
    public JsonObject usedAnswers() {
        JsonObjectBuilder json = JsonCodec.object();
        used.forEach(json::add);
        return json.build();
    }

    /**
     * An answer must be the result type of what was asked; anything else is invalid params.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#error-handling
     */
    private static JsonObject check(String key, InputRequest request, JsonObject answer) {
        boolean ok = switch (request.method()) {
            case "elicitation/create" -> answer.get("action") instanceof JsonString action
                    && ELICIT_ACTIONS.contains(action.getString())
                    && (answer.get("content") == null || answer.get("content") instanceof JsonObject);
            case "sampling/createMessage" -> answer.get("role") instanceof JsonString
                    && (answer.get("content") instanceof JsonObject || answer.get("content") instanceof JsonArray);
            case "roots/list" -> answer.get("roots") instanceof JsonArray;
            default -> false;
        };
        if (!ok) {
            throw MrtrErrors.invalidInput("inputResponses." + key + " is not a valid result for " + request.method());
        }
        return answer;
    }

    /** Parses {@code params.inputResponses}: absent is none; anything but an object of objects is invalid params. */
    public static Map<String, JsonObject> parse(JsonObject params) {
        JsonValue value = params.get("inputResponses");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof JsonObject responses)) {
            throw MrtrErrors.invalidInput("\"inputResponses\" must be an object of results keyed like inputRequests");
        }
        Map<String, JsonObject> parsed = new LinkedHashMap<>();
        for (var e : responses.entrySet()) {
            if (!(e.getValue() instanceof JsonObject result)) {
                throw MrtrErrors.invalidInput("inputResponses." + e.getKey() + " must be an object (the client's result)");
            }
            parsed.put(e.getKey(), result);
        }
        return parsed;
    }
}
