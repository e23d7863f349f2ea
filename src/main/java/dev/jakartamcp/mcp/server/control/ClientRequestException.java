package dev.jakartamcp.mcp.server.control;

/** A server-to-client request (elicitation, sampling, ping) that did not produce an answer. */
public class ClientRequestException extends RuntimeException {

    public enum Reason { CAPABILITY_MISSING, TIMEOUT, CLIENT_ERROR, CANCELLED, OVERLOADED }

    private final Reason reason;

    public ClientRequestException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
