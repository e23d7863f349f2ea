package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.server.control.EventSink;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One open SSE connection with a bounded outgoing queue, drained by one writer task at a time on
 * the engine's writer pool. Whoever sends (a tool, a broadcast) only queues and never waits for
 * the network; a client that does not read fills its queue and is disconnected, and its events
 * stay kept for a resume.
 */
final class SseConnection implements EventSink {

    /** @param data null for a keep-alive comment */
    private record Pending(String id, String data, Runnable onWritten) {
        int size() {
            return data == null ? 0 : data.length();
        }
    }

    private static final String KEEP_ALIVE = "keep-alive";

    private final EventWriter writer;
    private final Executor executor;
    private final long maxQueuedBytes;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>(4);
    private long queuedBytes;
    private boolean draining;
    private boolean closing;
    private boolean closed;

    SseConnection(EventWriter writer, Executor executor, long maxQueuedBytes) {
        this.writer = writer;
        this.executor = executor;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public boolean offer(String id, String data, Runnable onWritten) {
        return enqueue(new Pending(id, data, onWritten));
    }

    /** A comment queued like an event: a client that left is found when it cannot be written. */
    @Override
    public boolean keepAlive() {
        return enqueue(new Pending(null, null, null));
    }

    private boolean enqueue(Pending pending) {
        synchronized (this) {
            if (closed || closing) {
                return false;
            }
            if (queuedBytes + pending.size() > maxQueuedBytes && !queue.isEmpty()) {
                abortLocked(); // the client does not read: let it resume later
                return false;
            }
            queue.addLast(pending);
            queuedBytes += pending.size();
            if (draining) {
                return true;
            }
            draining = true;
        }
        try {
            executor.execute(this::drain);
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                draining = false;
                abortLocked();
            }
            return false;
        }
    }

    private void drain() {
        while (true) {
            Pending next;
            synchronized (this) {
                if (closed) {
                    draining = false; // aborted while we were writing
                    break;
                }
                next = queue.pollFirst();
                if (next == null) {
                    draining = false;
                    if (closing) {
                        closed = true;
                        break;
                    }
                    return;
                }
                queuedBytes -= next.size();
            }
            if (!(next.data() == null ? writer.comment(KEEP_ALIVE) : writer.send(next.id(), next.data()))) {
                synchronized (this) {
                    draining = false;
                    closed = true;
                    queue.clear();
                }
                break;
            }
            if (next.onWritten() != null) {
                next.onWritten().run();
            }
        }
        writer.close();
    }

    /** Whether the connection ended: closed, aborted, or the client went away. */
    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed || closing) {
                return;
            }
            closing = true;
            if (draining) {
                return; // the writer closes once the queue is empty
            }
            closed = true;
        }
        writer.close();
    }

    @Override
    public void abort() {
        synchronized (this) {
            abortLocked();
        }
    }

    /**
     * Drops what is queued and closes. While a write is under way (a client that does not read
     * blocks it), the writer closes the connection once that write returns: whoever aborts never
     * waits for the network.
     */
    private void abortLocked() {
        queue.clear();
        queuedBytes = 0;
        if (closed) {
            return;
        }
        closed = true;
        if (!draining) {
            writer.close();
        }
    }
}
