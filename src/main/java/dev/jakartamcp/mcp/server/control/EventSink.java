package dev.jakartamcp.mcp.server.control;

/** Where the events of a stream are written: an open SSE connection. */
public interface EventSink {

    /**
     * Writes one event; {@code data} may be empty (a priming event), {@code retryMillis} may be null.
     * Returns false when the connection is gone.
     */
    boolean send(String id, String data, Long retryMillis);

    void close();
}
