package dev.jakartamcp.chat;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One turn at a time per conversation: a turn reads the history, asks the model and appends, so two
 * at once would interleave their messages. A second message while one runs is refused (409).
 */
@ApplicationScoped
public class TurnLocks {

    /** A held turn; releasing it twice is harmless. */
    public final class Held implements AutoCloseable {
        private final String conversation;
        private volatile Runnable onCancel = () -> { };

        private Held(String conversation) {
            this.conversation = conversation;
        }

        /** What ends the running turn when its conversation goes away. */
        public void onCancel(Runnable onCancel) {
            this.onCancel = onCancel;
        }

        @Override
        public void close() {
            running.remove(conversation, this);
        }
    }

    private final Map<String, Held> running = new ConcurrentHashMap<>();

    /** The conversation's turn, or empty when one is already running. */
    public Optional<Held> tryStart(String conversation) {
        Held held = new Held(conversation);
        return running.putIfAbsent(conversation, held) == null ? Optional.of(held) : Optional.empty();
    }

    /** Ends the conversation's running turn, if any (the conversation was deleted). */
    public void cancel(String conversation) {
        Held held = running.get(conversation);
        if (held != null) {
            held.onCancel.run();
        }
    }

    public boolean isRunning(String conversation) {
        return running.containsKey(conversation);
    }
}
