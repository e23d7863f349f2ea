package dev.jakartamcp.mcp.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionGateTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void manyReportsOfOneLostSessionStartExactlyOneNewSession() throws Exception {
        AtomicInteger initializes = new AtomicInteger();
        CountDownLatch slow = new CountDownLatch(1);
        SessionGate gate = new SessionGate(generation -> {
            initializes.incrementAndGet();
            if (generation == 2) {
                try {
                    slow.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Session("s" + generation, "2025-11-25", generation);
        }, pool);
        Session first = gate.current();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Session>> renewed = new ArrayList<>();
        renewed.add(pool.submit(() -> SessionGate.await(gate.renew(first)))); // the first to find it lost
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (initializes.get() < 2) {
            assertTrue(System.nanoTime() < deadline, "the renewal started");
            Thread.onSpinWait();
        }
        for (int i = 0; i < 16; i++) {
            renewed.add(pool.submit(() -> {
                go.await();
                return SessionGate.await(gate.renew(first));
            }));
        }
        for (int i = 0; i < 4; i++) { // new requests while the session is renewed
            renewed.add(pool.submit(() -> {
                go.await();
                return gate.current();
            }));
        }
        go.countDown();
        Thread.sleep(100);
        assertNull(gate.established(), "nothing to send on while the new session is being made");
        slow.countDown();
        for (Future<Session> f : renewed) {
            Session s = f.get(5, TimeUnit.SECONDS);
            assertEquals("s2", s.id());
        }
        assertEquals(2, initializes.get());
        assertFalse(gate.isCurrent(first));
        assertTrue(gate.isCurrent(gate.current()));
        assertSame(gate.current(), gate.established());
    }

    @Test
    void aLateReportOfAnOldSessionDoesNotReplaceTheNewOne() {
        AtomicInteger initializes = new AtomicInteger();
        SessionGate gate = new SessionGate(g -> {
            initializes.incrementAndGet();
            return new Session("s" + g, null, g);
        }, pool);
        Session first = gate.current();
        Session second = SessionGate.await(gate.renew(first));
        assertEquals("s2", SessionGate.await(gate.renew(first)).id());
        assertEquals(2, initializes.get());
        assertEquals("s3", SessionGate.await(gate.renew(second)).id());
    }

    @Test
    void aFailedInitializeFailsItsWaitersAndTheNextCallTriesAgain() {
        AtomicInteger initializes = new AtomicInteger();
        SessionGate gate = new SessionGate(g -> {
            if (initializes.incrementAndGet() == 1) {
                throw McpClientException.http(503, "starting");
            }
            return new Session("s" + g, null, g);
        }, pool);
        McpClientException e = assertThrows(McpClientException.class, gate::current);
        assertEquals(503, e.httpStatus());
        assertNull(gate.established());
        assertEquals("s2", gate.current().id());
    }
}
