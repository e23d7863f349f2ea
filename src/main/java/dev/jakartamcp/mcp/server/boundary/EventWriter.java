package dev.jakartamcp.mcp.server.boundary;

/** Writes one event to the network, blocking until it is written; false when the client is gone. */
interface EventWriter {

    boolean send(String id, String data);

    /** Writes a {@code :} comment line (a keep-alive); false when the client is gone. */
    boolean comment(String text);

    void close();
}
