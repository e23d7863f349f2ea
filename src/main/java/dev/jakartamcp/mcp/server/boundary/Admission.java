package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.server.control.ClientRates;
import dev.jakartamcp.mcp.server.control.McpExecutors;
import dev.jakartamcp.mcp.server.control.McpLimits;
import dev.jakartamcp.mcp.server.control.SessionChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a session may start another request now: its request rate (a token bucket), its
 * concurrent requests, its server-to-client requests still waiting for answers, and for tool calls
 * a place on the tool executor. Past a limit the client gets 429 (its own limits) or 503 (the
 * server's), with Retry-After and a JSON-RPC error body.
 */
@ApplicationScoped
class Admission {

    @Inject
    McpLimits limits;

    @Inject
    McpExecutors executors;

    @Inject
    ClientRates clientRates;

    /** Takes a request slot of the session, or throws the refusal. */
    void admit(SessionChannel channel) {
        switch (channel.admit(limits.maxConcurrentRequests(), limits.maxPendingClientRequests())) {
            case ADMITTED -> {
            }
            case CLOSED -> throw new Rejection(TransportErrors.of(404, JsonRpcError.SESSION_NOT_FOUND,
                    "Session not found (it just ended); start a new one with initialize"));
            case RATE_LIMITED -> throw refuse(429, channel.retryAfterSeconds(),
                    "Too many requests in this session; slow down");
            case TOO_MANY_REQUESTS -> throw refuse(429, 1, "This session already runs " + limits.maxConcurrentRequests()
                    + " requests; wait for one to finish");
            case TOO_MANY_WAITING -> throw refuse(429, 5, "This session has " + limits.maxPendingClientRequests()
                    + " questions from the server waiting for answers; answer them first");
        }
    }

    /** Counts a GET or DELETE against the session's rate. */
    void rate(SessionChannel channel) {
        if (!channel.takeRate()) {
            throw refuse(429, channel.retryAfterSeconds(), "Too many requests in this session; slow down");
        }
    }

    /** A place on the tool executor for a call that holds a session slot, or the slot back and 503. */
    void reserveTool(SessionChannel channel) {
        if (!executors.reserveTool()) {
            channel.release();
            throw refuse(503, 1, "The server is running as many tool calls as it can; try again shortly");
        }
    }

    /** The client's rate, for a 2026-07-28 request, which has no session to count against; else 429. */
    void rateStateless(String client) {
        if (!clientRates.tryTake(client)) {
            throw refuse(429, clientRates.retryAfterSeconds(client), "Too many requests from this client; slow down");
        }
    }

    /** A place on the tool executor for a 2026-07-28 call, which holds no session slot; or 503. */
    void reserveStatelessTool() {
        if (!executors.reserveTool()) {
            throw refuse(503, 1, "The server is running as many tool calls as it can; try again shortly");
        }
    }

    static Rejection refuse(int status, long retryAfterSeconds, String message) {
        return new Rejection(TransportErrors.of(status, JsonRpcError.LIMIT_EXCEEDED, message)
                .with("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
