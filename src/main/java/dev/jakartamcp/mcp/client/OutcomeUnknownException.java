package dev.jakartamcp.mcp.client;

/**
 * The request reached the server, but its response was lost: the session ended while its stream was
 * being resumed (404), the stream could not be resumed, or it fell silent. The server may or may not
 * have run the request, so it was not sent again; check before repeating anything that changes data.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
 */
public final class OutcomeUnknownException extends McpClientException {

    private final boolean sessionLost;

    OutcomeUnknownException(String message, int httpStatus, boolean sessionLost, Throwable cause) {
        super(message, 0, httpStatus, cause);
        this.sessionLost = sessionLost;
    }

    static OutcomeUnknownException sessionLost(String method) {
        return new OutcomeUnknownException(method + ": the session ended (HTTP 404) while its response stream was being"
                + " resumed; the server may or may not have run it, so it was not sent again", 404, true, null);
    }

    static OutcomeUnknownException streamLost(String method, String why, int httpStatus, Throwable cause) {
        return new OutcomeUnknownException(method + ": " + why + "; the server may or may not have run it", httpStatus, false, cause);
    }

    /** True when the 404 says the session itself is gone (the next request gets a new one). */
    public boolean sessionLost() {
        return sessionLost;
    }
}
