package dev.jakartamcp.mcp.server.boundary;

/**
 * Who answers a request that passed the transport rules. Plain answers (JSON on the request thread:
 * initialize, lists, reads, pure tools, notifications, batches, DELETE) are written by
 * {@link McpHttpFilter} itself, with nothing of JAX-RS in between. The rest needs what JAX-RS
 * gives per resource method, an SSE sink or an async response, so {@link RouteFilter} sends it to
 * that method by setting the request's path inside the endpoint. Clients never see these paths:
 * {@link McpHttpFilter} refuses any request to them.
 */
enum Route {

    /** Answered with plain JSON by the servlet filter. */
    PLAIN(null),
    /** A tool call that sends nothing before its result, answered with JSON from the tool executor. */
    TOOL_JSON("~tool-json"),
    /** A tool call that may stream, answered on its own SSE stream. */
    TOOL_STREAM("~tool-stream"),
    /** A 2026-07-28 tool call that may block, answered with JSON from the tool executor; no session. */
    STATELESS_TOOL("~stateless-tool"),
    /** A 2026-07-28 tool call that logs or reports progress, answered on its own SSE stream; no session. */
    STATELESS_STREAM("~stateless-stream"),
    /** A 2026-07-28 subscriptions/listen: a long POST answered with SSE. */
    STATELESS_LISTEN("~listen"),
    /** GET: the session's standalone stream, or a resumed one. */
    EVENTS("");

    private final String path;

    Route(String path) {
        this.path = path;
    }

    /** The resource method's path inside the endpoint; null for {@link #PLAIN}. */
    String path() {
        return path;
    }
}
