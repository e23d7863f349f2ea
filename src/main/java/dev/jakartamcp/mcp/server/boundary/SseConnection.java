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

    private record Pending(String id, String data, Runnable onWritten) {
    }

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
        synchronized (this) {
            if (closed || closing) {
                return false;
            }
            if (queuedBytes + data.length() > maxQueuedBytes && !queue.isEmpty()) {
                abortLocked(); // the client does not read: let it resume later
                return false;
            }
            queue.addLast(new Pending(id, data, onWritten));
            queuedBytes += data.length();
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
                queuedBytes -= next.data().length();
            }
            if (!writer.send(next.id(), next.data())) {
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
