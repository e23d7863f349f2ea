package dev.jakartamcp.mcp.server.control;

import com.nimbusds.jose.util.Base64URL;
import dev.jakartamcp.cluster.Grid;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Multi Round-Trip Requests on 2026-07-28: runs a tools/call, prompts/get or resources/read handler
 * with the answers the request carries; when it asks for more, answers with an InputRequiredResult
 * whose sealed requestState carries the answers so far. The handler runs from the start every
 * round ("replay"), so nothing is kept between rounds but the consumed exchanges.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 */
@ApplicationScoped
public class MultiRoundTrips {

    private static final Logger LOG = Logger.getLogger(MultiRoundTrips.class.getName());

    /** The only requests that may answer with an InputRequiredResult. */
    // https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#supported-requests
    public static final Set<String> METHODS = Set.of("tools/call", "prompts/get", "resources/read");

    @Inject
    @ConfigProperty(name = "mcp.mrtr.state-keys")
    Optional<String> stateKeys;

    @Inject
    @ConfigProperty(name = "mcp.mrtr.state-ttl-seconds", defaultValue = "600")
    long stateTtlSeconds;

    @Inject
    @ConfigProperty(name = "mcp.mrtr.max-remembered", defaultValue = "100000")
    int maxRemembered;

    @Inject
    Grid grid;

    private final SecureRandom random = new SecureRandom();
    private RequestStateSealer sealer;
    private ConsumedStates consumed;

    public MultiRoundTrips() {
    }

    MultiRoundTrips(RequestStateSealer sealer, ConsumedStates consumed) {
        this.sealer = sealer;
        this.consumed = consumed;
    }

    @PostConstruct
    void init() {
        Duration ttl = Duration.ofSeconds(Math.max(1, stateTtlSeconds));
        if (stateKeys.isPresent() && !stateKeys.get().isBlank()) {
            sealer = new RequestStateSealer(RequestStateSealer.parseKeys(stateKeys.get()), ttl, Clock.systemUTC());
        } else if (grid.clustered()) {
            // each node seals with its own random key and publishes it in the grid, where the others find it
            RequestStateSealer.Key mine = gridKey();
            sealer = new RequestStateSealer(List.of(mine), ttl, Clock.systemUTC(),
                    kid -> grid.map(KEYS_MAP).get(kid).map(b64 -> new RequestStateSealer.Key(kid, java.util.Base64.getDecoder().decode(b64))));
            LOG.info("mcp.mrtr.state-keys is not set: this node seals requestState with a random key (" + mine.kid()
                    + ") it shares through the grid, so every node opens it while the grid lives; set the keys for states that "
                    + "outlive a restart of the whole cluster");
        } else {
            sealer = new RequestStateSealer(List.of(RequestStateSealer.Key.random()), ttl, Clock.systemUTC());
            LOG.info("mcp.mrtr.state-keys is not set: requestState is sealed with a random key made at startup, "
                    + "which only this node knows and a restart forgets; a cluster needs the setting");
        }
        // in a grid, used states are remembered where every node sees them: used on one node, refused on all
        consumed = grid.clustered() ? new GridConsumedStates(grid.map(GridConsumedStates.MAP), Clock.systemUTC())
                : new InMemoryConsumedStates(maxRemembered, Clock.systemUTC());
    }

    static final String KEYS_MAP = "mcp.mrtr.keys";

    /** This node's sealing key, published in the grid under its key id. */
    private RequestStateSealer.Key gridKey() {
        RequestStateSealer.Key random = RequestStateSealer.Key.random();
        RequestStateSealer.Key mine = new RequestStateSealer.Key("grid-" + random.kid().substring("local-".length()), random.secret());
        grid.map(KEYS_MAP).putIfAbsent(mine.kid(), java.util.Base64.getEncoder().encodeToString(mine.secret()), null);
        return mine;
    }

    /** Made at startup, so the key (and the INFO line about a random one) comes before the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer only makes the container create this bean now
    }

    /** A run's result: the handler's own (complete), or an InputRequiredResult's fields. */
    public record Outcome(JsonObject result, boolean inputRequired) {
    }

    /**
     * Runs the handler. {@code sealedAnswersOnly}: the handler hears only answers to questions this
     * server asked (a request without requestState has its inputResponses ignored, and is asked).
     * Servers may take unsolicited answers, and the conformance suite expects that of its fixtures;
     * a destructive tool's "yes" must answer our own sealed question, so a forged or replayed
     * confirmation deletes nothing.
     */
    public Outcome run(McpServer server, JsonRpcMessage.Request request, StatelessContext context,
                       boolean sealedAnswersOnly, Function<StatelessContext, JsonObject> handler) {
        JsonObject params = request.params();
        String token = requestState(params);
        Map<String, JsonObject> given = InputRound.parse(params);
        if (token == null && sealedAnswersOnly) {
            given = Map.of();
        }
        StateClaims.Binding binding = binding(server.name(), request.method(), params, context.caller());
        StateClaims prior = token == null ? null : sealer.open(token, binding);
        String flowId = prior == null ? newId() : prior.flowId();
        if (prior != null) {
            claim(flowId, prior);
        }
        InputRound round = new InputRound(prior == null ? Map.of() : answers(prior), given);
        try {
            return new Outcome(handler.apply(context.asking(round)), false);
        } catch (InputRequiredException asked) {
            release(prior, flowId);
            return new Outcome(inputRequired(asked, new StateClaims(binding, sealer.expiryFromNow(), flowId, round.usedAnswers())), true);
        } catch (RuntimeException e) {
            // the exchange did not finish: the client may retry it with better input
            release(prior, flowId);
            throw e;
        }
    }

    /**
     * A state is used up by the final result it leads to: presenting it (or any earlier state of
     * the same exchange) again is refused; one run at a time holds it.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#server-requirements-basic-workflow
     */
    private void claim(String flowId, StateClaims prior) {
        switch (consumed.claim(flowId, prior.expiresAt())) {
            case CLAIMED -> {
            }
            case ALREADY_USED -> throw MrtrErrors.stateRefused("The requestState was already used for a final result "
                    + "(or is in use by another retry); start the request again without it", "replayed");
            case FULL -> throw new McpError(new JsonRpcError(JsonRpcError.LIMIT_EXCEEDED,
                    "Too many multi round-trip requests are finishing at once; try again later"));
        }
    }

    private void release(StateClaims prior, String flowId) {
        if (prior != null) {
            consumed.release(flowId);
        }
    }

    /** https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#inputrequiredresult */
    private JsonObject inputRequired(InputRequiredException asked, StateClaims next) {
        JsonObjectBuilder requests = JsonCodec.object();
        asked.requests().forEach((key, request) -> requests.add(key, request.toJson()));
        return JsonCodec.object().add("inputRequests", requests).add("requestState", sealer.seal(next)).build();
    }

    private static Map<String, JsonObject> answers(StateClaims claims) {
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        claims.answers().forEach((k, v) -> {
            if (v instanceof JsonObject answer) answers.put(k, answer);
        });
        return answers;
    }

    private static String requestState(JsonObject params) {
        JsonValue value = params.get("requestState");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString state)) {
            throw MrtrErrors.invalidInput("\"requestState\" must be the string the server sent, echoed exactly");
        }
        return state.getString();
    }

    /** What a state is bound to; the target and arguments as the request gives them (the handler checks them). */
    static StateClaims.Binding binding(String server, String method, JsonObject params, Caller caller) {
        String target = params.get("resources/read".equals(method) ? "uri" : "name") instanceof JsonString s ? s.getString() : "";
        JsonValue arguments = "resources/read".equals(method) ? JsonValue.EMPTY_JSON_OBJECT
                : params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        return new StateClaims.Binding(server, method, target, ArgumentDigest.of(arguments),
                caller == null ? "" : caller.key());
    }

    private String newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64URL.encode(id).toString();
    }
}
