package dev.jakartamcp.mcp.server.control;

/** Where the events of a stream are written: an open SSE connection. Never blocks its caller. */
public interface EventSink {

    /**
     * Queues one event for writing; {@code onWritten} (may be null) runs once it is on the wire.
     * Returns false when the connection is gone or its queue overflowed; it is then closed.
     */
    boolean offer(String id, String data, Runnable onWritten);

    /**
     * Queues a {@code :} comment line, which keeps idle proxies from closing the connection and shows
     * whether the client is still there; false when the connection is gone.
     */
    default boolean keepAlive() {
        return true;
    }

    /** Ends the connection once what is queued is written. */
    void close();

    /** Ends the connection now, dropping what is queued: a newer connection took over. */
    void abort();
}
