package dev.jakartamcp.mcp.server.boundary;

/**
 * The resource method a POST goes to, chosen by the filter from the parsed body and set as the
 * request's path inside the endpoint (a pre-matching filter may do that; no header is touched).
 * JAX-RS binds an SSE sink or an async response per method, so each way of answering is a method:
 * plain JSON answered on the request thread; a tool call answered with JSON from the tool executor;
 * a tool call that may stream, answered on an SSE stream. Clients never see these paths: the
 * filter refuses any request to them.
 */
final class Routes {

    static final String TOOL_JSON = "~tool-json";
    static final String TOOL_STREAM = "~tool-stream";

    private Routes() {
    }
}
