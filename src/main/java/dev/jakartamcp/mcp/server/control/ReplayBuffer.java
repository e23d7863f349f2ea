package dev.jakartamcp.mcp.server.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last events sent in one session, across its streams, so a client that lost a stream can get
 * what it missed. Bounded: the oldest events go first.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
 */
public final class ReplayBuffer {

    public record Event(EventId id, String data) {
    }

    private final int capacity;
    private final ArrayDeque<Event> events;

    public ReplayBuffer(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.events = new ArrayDeque<>(8); // grows on demand: idle sessions stay small
    }

    public synchronized void add(Event event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** The buffered events of one stream after the given sequence number, oldest first; only that stream's. */
    public synchronized List<Event> after(String stream, long sequence) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.id().stream().equals(stream) && e.id().sequence() > sequence) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized int size() {
        return events.size();
    }
}
