package dev.jakartamcp.mcp.server.boundary;

import jakarta.ws.rs.core.Response;

/** A request refused before it reaches the endpoint, with the answer to send. No stack trace: it is no error of ours. */
final class Rejection extends RuntimeException {

    private final transient Response response;

    Rejection(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    Response response() {
        return response;
    }
}
