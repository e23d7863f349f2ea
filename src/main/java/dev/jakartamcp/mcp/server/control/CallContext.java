package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running request may do besides returning its result: report progress, log, ask the client
 * (elicitation, sampling), and notice that it was cancelled.
 */
public interface CallContext {

    McpSession session();

    /** Who made the request, and what their token allows. */
    Caller caller();

    /**
     * Sends a notification on the request's stream. A request answered with plain JSON has no
     * stream, and the notification is dropped, as the transport allows.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    void notify(String method, JsonObject params);

    /**
     * notifications/progress, only when the request carried a progressToken; progress never goes down.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/progress
     */
    void progress(double progress, Double total, String message);

    /**
     * notifications/message, when the level is at least the session's (logging/setLevel).
     * https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging
     */
    void log(LogLevel level, String logger, JsonValue data);

    /** Whether the client declared a capability at initialize, e.g. "elicitation" or "sampling". */
    boolean clientSupports(String capability);

    /**
     * Sends a request to the client on this request's stream and waits for its answer.
     *
     * @throws ClientRequestException when the capability is missing, the client answers with an
     *                                error, the wait times out, or the call is cancelled
     */
    JsonObject request(String method, JsonObject params);

    /**
     * Asks the client several things at once and returns the answers by key. On a 2025 session they
     * are asked one after the other on the stream; on 2026-07-28 they travel together in one
     * InputRequiredResult, under these keys.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#inputrequests
     *
     * @throws ClientRequestException as {@link #request} does
     */
    default Map<String, JsonObject> ask(Map<String, InputRequest> requests) {
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        requests.forEach((key, r) -> answers.put(key, request(r.method(), r.params())));
        return answers;
    }

    /** Asks one thing under a key of the server's choosing (the key only shows on 2026-07-28). */
    default JsonObject ask(String key, String method, JsonObject params) {
        return ask(Map.of(key, new InputRequest(method, params))).get(key);
    }

    /** Ends the current connection but not the stream; the client resumes with Last-Event-ID (SSE polling). */
    void disconnectStream();

    boolean isCancelled();
}
