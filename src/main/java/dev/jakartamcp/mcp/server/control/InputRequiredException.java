package dev.jakartamcp.mcp.server.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not an error: how a 2026-07-28 handler says it needs answers from the client before it can go
 * on. The dispatcher turns it into an InputRequiredResult; the handler runs again from the start
 * when the client retries with the answers.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 */
public final class InputRequiredException extends RuntimeException {

    private final transient Map<String, InputRequest> requests;

    public InputRequiredException(Map<String, InputRequest> requests) {
        super("input required: " + requests.keySet(), null, false, false);
        this.requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    }

    /** What to ask, by the key the answer must come back under. */
    public Map<String, InputRequest> requests() {
        return requests;
    }
}
