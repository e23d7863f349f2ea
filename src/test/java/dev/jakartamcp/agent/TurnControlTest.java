package dev.jakartamcp.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnControlTest {

    @Test
    void awaitReturnsWorkThatFinishesInTime() {
        TurnControl control = new TurnControl(Duration.ofSeconds(5));
        assertEquals("x", control.await(CompletableFuture.supplyAsync(() -> "x")));
        assertFalse(control.isEnded());
    }

    @Test
    void theDeadlineEndsTheWaitAndRunsTheStoppers() {
        TurnControl control = new TurnControl(Duration.ofMillis(300));
        AtomicInteger stopped = new AtomicInteger();
        control.onEnd(stopped::incrementAndGet);
        long start = System.nanoTime();
        TurnControl.Ended e = assertThrows(TurnControl.Ended.class, () -> control.await(new CompletableFuture<>()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 250 && millis < 3000, "ended at the deadline, after " + millis + " ms");
        assertTrue(e.getMessage().contains("agent.turn.timeout-seconds"), e.getMessage());
        assertEquals(1, stopped.get());
        control.end("again");
        assertEquals(1, stopped.get(), "stoppers run once");
    }

    @Test
    void anEarlyEndWakesTheWaiterWithItsReason() {
        TurnControl control = new TurnControl(Duration.ofSeconds(30));
        CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> control.end("the page left"));
        long start = System.nanoTime();
        TurnControl.Ended e = assertThrows(TurnControl.Ended.class, () -> control.await(new CompletableFuture<>()));
        assertEquals("the page left", e.getMessage());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
    }

    @Test
    void aStopperRegisteredAfterTheEndRunsAtOnceAndUnregisteredOnesNever() {
        TurnControl control = new TurnControl(Duration.ofSeconds(30));
        AtomicInteger stopped = new AtomicInteger();
        Runnable unregister = control.onEnd(stopped::incrementAndGet);
        unregister.run();
        control.end("done");
        assertEquals(0, stopped.get());
        control.onEnd(stopped::incrementAndGet);
        assertEquals(1, stopped.get());
        assertThrows(TurnControl.Ended.class, control::check);
    }

    @Test
    void theWorksOwnFailureIsRethrown() {
        TurnControl control = new TurnControl(Duration.ofSeconds(5));
        LlmException e = assertThrows(LlmException.class,
                () -> control.await(CompletableFuture.failedFuture(new LlmException("HTTP 500"))));
        assertEquals("HTTP 500", e.getMessage());
        assertFalse(control.isEnded());
    }
}
