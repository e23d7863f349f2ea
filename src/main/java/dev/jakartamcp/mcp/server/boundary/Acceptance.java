package dev.jakartamcp.mcp.server.boundary;

import java.util.Locale;

/** Which of the two media types MCP needs an Accept header covers, wildcards included. */
record Acceptance(boolean json, boolean eventStream) {

    static Acceptance of(String header) {
        boolean json = false;
        boolean sse = false;
        if (header != null) {
            for (String range : header.split(",")) {
                String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                json |= type.equals("application/json") || type.equals("application/*") || type.equals("*/*");
                sse |= type.equals("text/event-stream") || type.equals("text/*") || type.equals("*/*");
            }
        }
        return new Acceptance(json, sse);
    }
}
