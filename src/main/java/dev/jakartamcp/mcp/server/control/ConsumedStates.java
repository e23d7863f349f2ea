package dev.jakartamcp.mcp.server.control;

import java.time.Instant;

/**
 * The exchanges whose requestState was used up by a final result, so that state cannot be presented
 * again. An interface so a cluster can share it later; one node keeps it in memory.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#server-requirements-basic-workflow
 */
public interface ConsumedStates {

    /** The outcome of {@link #claim}. */
    enum Claim { CLAIMED, ALREADY_USED, FULL }

    /** Takes the exchange {@code flowId} for one run; remembered until {@code until}, when its state lapses anyway. */
    Claim claim(String flowId, Instant until);

    /** Gives a claim back: the run asked for more input, so the exchange goes on. */
    void release(String flowId);
}
