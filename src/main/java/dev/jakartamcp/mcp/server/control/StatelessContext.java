package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The call context of a 2026-07-28 request: no session; what the client can do comes from the
 * request's own _meta. Notifications go to {@code outbound} (its response stream), or nowhere when
 * the request is answered with plain JSON. It never sends the client a request (servers MUST NOT
 * on a response stream in this revision): what a handler asks is answered from the request's
 * {@link InputRound}, or ends the run with an InputRequiredResult (Multi Round-Trip Requests).
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 */
public final class StatelessContext implements CallContext {

    private final Caller caller;
    private final MetaEnvelope meta;
    private final Consumer<JsonRpcMessage> outbound;
    private final ProgressReport progressReport;
    private final BooleanSupplier closed;
    /** Null on requests that may not answer with an InputRequiredResult: there nothing can be asked. */
    private final InputRound round;
    private int asked;

    public StatelessContext(Caller caller, MetaEnvelope meta, Consumer<JsonRpcMessage> outbound) {
        this(caller, meta, outbound, null, () -> false);
    }

    /**
     * A request answered on its own SSE stream.
     *
     * @param progressToken {@code params._meta.progressToken}, or null: then no progress
     * @param closed        whether the response stream closed, which cancels the request
     */
    public StatelessContext(Caller caller, MetaEnvelope meta, Consumer<JsonRpcMessage> outbound, JsonValue progressToken,
                            BooleanSupplier closed) {
        this(caller, meta, outbound, new ProgressReport(progressToken), closed, null);
    }

    private StatelessContext(Caller caller, MetaEnvelope meta, Consumer<JsonRpcMessage> outbound, ProgressReport progress,
                             BooleanSupplier closed, InputRound round) {
        this.caller = caller;
        this.meta = meta;
        this.outbound = outbound;
        this.progressReport = progress;
        this.closed = closed;
        this.round = round;
    }

    /** The same request, able to ask the client through {@code round}. */
    public StatelessContext asking(InputRound round) {
        return new StatelessContext(caller, meta, outbound, progressReport, closed, round);
    }

    public MetaEnvelope meta() {
        return meta;
    }

    /** No session in this revision. */
    @Override
    public McpSession session() {
        return null;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public void notify(String method, JsonObject params) {
        // nothing more is sent for a cancelled request
        // https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
        if (outbound != null && !isCancelled()) {
            outbound.accept(new JsonRpcMessage.Notification(method, params));
        }
    }

    /**
     * Only when the request's _meta carried a progressToken, echoed unchanged; progress only goes up.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/utilities/progress
     */
    @Override
    public void progress(double progress, Double total, String message) {
        JsonObject params = progressReport.next(progress, total, message);
        if (params != null) {
            notify(ProgressReport.METHOD, params);
        }
    }

    /**
     * Only for a request whose _meta asked for a level, and only at or above it.
     * https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/logging
     */
    @Override
    public void log(LogLevel level, String logger, JsonValue data) {
        if (meta.logLevel() == null || level.compareTo(meta.logLevel()) < 0) {
            return;
        }
        notify("notifications/message", LogMessage.params(level, logger, data));
    }

    @Override
    public boolean clientSupports(String capability) {
        return meta.declares(capability);
    }

    /**
     * One request under a key made from its kind and place in the run ("elicitation-1"): a run asks
     * the same things in the same order every round, so the key finds its answer again.
     */
    @Override
    public JsonObject request(String method, JsonObject params) {
        InputRequest request = new InputRequest(method, params);
        String kind = request.capability() == null ? "input" : request.capability();
        return ask(kind + "-" + (++asked), method, params);
    }

    /**
     * Answers from this round, or an InputRequiredException for the missing ones. Only kinds the
     * request declared in its capabilities may be asked; the handler hears the others are missing.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#server-requirements-basic-workflow
     */
    @Override
    public Map<String, JsonObject> ask(Map<String, InputRequest> requests) {
        for (InputRequest request : requests.values()) {
            if (request.capability() == null) {
                throw new ClientRequestException(ClientRequestException.Reason.CLIENT_ERROR,
                        "A server cannot ask a client " + request.method());
            }
            if (!clientSupports(request.capability())) {
                throw new ClientRequestException(ClientRequestException.Reason.CAPABILITY_MISSING,
                        "The client did not declare the " + request.capability() + " capability");
            }
        }
        if (round == null) {
            throw new ClientRequestException(ClientRequestException.Reason.CAPABILITY_MISSING,
                    "Only tools/call, prompts/get and resources/read can ask the client on protocol version " + meta.protocolVersion());
        }
        return round.answers(requests);
    }

    @Override
    public void disconnectStream() {
    }

    /**
     * Closing a response stream cancels its request: the tool sees it here.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    @Override
    public boolean isCancelled() {
        return closed.getAsBoolean();
    }
}
