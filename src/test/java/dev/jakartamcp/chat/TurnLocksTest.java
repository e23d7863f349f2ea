package dev.jakartamcp.chat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnLocksTest {

    @Test
    void oneTurnPerConversationAndReleasingTwiceIsHarmless() {
        TurnLocks locks = new TurnLocks();
        TurnLocks.Held first = locks.tryStart("a").orElseThrow();
        assertTrue(locks.tryStart("a").isEmpty());
        assertTrue(locks.tryStart("b").isPresent(), "other conversations are independent");
        first.close();
        TurnLocks.Held second = locks.tryStart("a").orElseThrow();
        first.close(); // a stale release must not free the newer turn
        assertTrue(locks.isRunning("a"));
        second.close();
        assertFalse(locks.isRunning("a"));
    }

    @Test
    void cancellingEndsOnlyTheRunningTurn() {
        TurnLocks locks = new TurnLocks();
        List<String> ended = new ArrayList<>();
        TurnLocks.Held held = locks.tryStart("a").orElseThrow();
        held.onCancel(() -> ended.add("a"));
        locks.cancel("b");
        assertTrue(ended.isEmpty());
        locks.cancel("a");
        assertEquals(List.of("a"), ended);
        held.close();
        locks.cancel("a");
        assertEquals(List.of("a"), ended, "a finished turn is not ended again");
    }

    @Test
    void ofManyAtOnceExactlyOneStarts() throws Exception {
        TurnLocks locks = new TurnLocks();
        CyclicBarrier barrier = new CyclicBarrier(16);
        List<CompletableFuture<Optional<TurnLocks.Held>>> tries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tries.add(CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return locks.tryStart("c");
            }, java.util.concurrent.Executors.newSingleThreadExecutor()));
        }
        long started = 0;
        for (var t : tries) {
            started += t.get().isPresent() ? 1 : 0;
        }
        assertEquals(1, started);
    }
}
