package dev.jakartamcp.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The life of one chat turn: its whole-turn deadline, and an end that may come early (the person
 * left). The turn's thread waits for its LLM stream and tool calls only through {@link #await}, so
 * it is never interrupted itself; whatever runs elsewhere registers how to stop it.
 */
public final class TurnControl {

    private static final Logger LOG = Logger.getLogger(TurnControl.class.getName());

    /** Thrown on the turn's thread when the turn must end now; the message says why, for the person. */
    public static final class Ended extends RuntimeException {
        Ended(String message) {
            super(message, null, false, false);
        }
    }

    private final Duration limit;
    private final long deadlineNanos;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final List<Runnable> stoppers = new ArrayList<>();

    public TurnControl(Duration limit) {
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
    }

    public Duration limit() {
        return limit;
    }

    /** Ends the turn early, e.g. because nobody reads it any more; the first reason wins. */
    public void end(String reason) {
        if (ended.complete(reason)) {
            List<Runnable> stop;
            synchronized (stoppers) {
                stop = List.copyOf(stoppers);
                stoppers.clear();
            }
            stop.forEach(TurnControl::runQuietly);
        }
    }

    public boolean isEnded() {
        return ended.isDone();
    }

    /** Why it ended, or null while it runs. */
    public String reason() {
        return ended.getNow(null);
    }

    /**
     * Registers how to stop work running for this turn; runs it at once when the turn has already
     * ended. Returns what unregisters it.
     */
    public Runnable onEnd(Runnable stopper) {
        synchronized (stoppers) {
            if (!ended.isDone()) {
                stoppers.add(stopper);
                return () -> {
                    synchronized (stoppers) {
                        stoppers.remove(stopper);
                    }
                };
            }
        }
        runQuietly(stopper);
        return () -> { };
    }

    /** Throws {@link Ended} when the turn is over. */
    public void check() {
        if (System.nanoTime() - deadlineNanos >= 0) {
            end(timeoutMessage());
        }
        String reason = reason();
        if (reason != null) {
            throw new Ended(reason);
        }
    }

    /**
     * Waits for work done elsewhere, at most until the deadline. On the deadline or an early end the
     * turn's stoppers run and {@link Ended} is thrown; the work's own failure is rethrown as is.
     */
    public <T> T await(CompletableFuture<T> work) {
        check();
        try {
            CompletableFuture.anyOf(work, ended).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            end(timeoutMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end("The server is shutting down.");
        } catch (ExecutionException | CancellationException e) {
            // the work failed: reported below
        }
        if (work.isDone() && !work.isCompletedExceptionally()) {
            return work.join();
        }
        check(); // once the turn is over, that is the news, not how its stopped work failed
        try {
            return work.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private String timeoutMessage() {
        return "This answer took longer than the turn limit of " + limit.toSeconds()
                + " s (agent.turn.timeout-seconds) and was stopped; what was finished is kept.";
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "stopping a turn's work", e);
        }
    }
}
