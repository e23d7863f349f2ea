package dev.jakartamcp.chat;

import dev.jakartamcp.agent.QuestionListener;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An SSE answer of the chat API: named events with one JSON payload each, written one at a time
 * from any thread, keep-alive comments, and notice when the page has left (a write failed). A
 * server's questions go out as {@code elicitation} and {@code elicitation_closed} events, the same
 * for the chat and the tools console.
 */
final class EventStream implements QuestionListener {

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

    private final SseEventSink sink;
    private final Sse sse;
    private final Runnable onGone;
    private final ReentrantLock writing = new ReentrantLock();
    private boolean finished;

    /** @param onGone runs once the page is found gone (a write failed) before the stream finished */
    EventStream(SseEventSink sink, Sse sse, Runnable onGone) {
        this.sink = sink;
        this.sse = sse;
        this.onGone = onGone;
    }

    void send(String name, JsonObject data) {
        writing.lock();
        try {
            write(sse.newEventBuilder().name(name).data(JsonCodec.write(data)).build());
        } finally {
            writing.unlock();
        }
    }

    /** A comment, unless an event is being written right now: the scheduler's thread never waits behind a slow page. */
    void heartbeat() {
        if (writing.tryLock()) {
            try {
                write(sse.newEventBuilder().comment("keep-alive").build());
            } finally {
                writing.unlock();
            }
        }
    }

    @Override
    public void elicitation(String id, String message, JsonObject requestedSchema) {
        send("elicitation", JsonCodec.object().add("id", id).add("message", message)
                .add("requestedSchema", requestedSchema).build());
    }

    @Override
    public void elicitationClosed(String id, String reason) {
        send("elicitation_closed", JsonCodec.object().add("id", id)
                .add("reason", reason == null ? "The server stopped waiting for an answer" : reason).build());
    }

    /** Sends the last event and closes the stream; nothing is written after it. */
    void finish(String name, JsonObject data) {
        send(name, data);
        writing.lock();
        try {
            finished = true;
        } finally {
            writing.unlock();
        }
        sink.close();
    }

    private void write(OutboundSseEvent event) {
        if (finished) {
            return;
        }
        boolean gone = sink.isClosed();
        if (!gone) {
            try {
                sink.send(event).toCompletableFuture().join();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "chat client left", e);
                gone = true;
            }
        }
        if (gone) {
            finished = true;
            onGone.run();
        }
    }
}
