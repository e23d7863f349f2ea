package dev.jakartamcp.mcp.server.boundary;

/** A request refused before it reaches the endpoint, with the answer to send. No stack trace: it is no error of ours. */
final class Rejection extends RuntimeException {

    private final transient HttpAnswer answer;

    Rejection(HttpAnswer answer) {
        super(null, null, false, false);
        this.answer = answer;
    }

    HttpAnswer answer() {
        return answer;
    }
}
