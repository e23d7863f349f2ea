package dev.jakartamcp.mcp.server.boundary;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseConnectionTest {

    /** A network that can be made to hang like a client that does not read. */
    static final class Network implements EventWriter {
        final List<String> written = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        volatile boolean hang;

        @Override
        public boolean send(String id, String data) {
            if (hang) {
                writing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            written.add(id);
            return true;
        }

        @Override
        public boolean comment(String text) {
            written.add(":" + text);
            return true;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    final ExecutorService writers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    @Test
    void eventsGoOutInOrderAndCloseWaitsForThem() throws InterruptedException {
        Network network = new Network();
        SseConnection connection = new SseConnection(network, writers, 1_000);
        List<String> done = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String id = "1-" + i;
            assertTrue(connection.offer(id, "x", () -> done.add(id)));
        }
        connection.close();
        assertTrue(network.closed.await(5, TimeUnit.SECONDS));
        assertEquals(50, network.written.size());
        assertEquals("1-1", network.written.get(0));
        assertEquals("1-50", network.written.get(49));
        assertEquals(50, done.size(), "each event reports that it was written");
        assertFalse(connection.offer("1-51", "x", null), "a closed connection takes nothing");
    }

    @Test
    void aClientThatDoesNotReadIsCutOffWithoutBlockingTheSender() throws InterruptedException {
        Network network = new Network();
        network.hang = true;
        SseConnection connection = new SseConnection(network, writers, 100);
        assertTrue(connection.offer("1-0", "first", null));
        assertTrue(network.writing.await(5, TimeUnit.SECONDS), "the writer is stuck in its first write");
        long started = System.nanoTime();
        boolean accepted = true;
        for (int i = 0; i < 1_000 && accepted; i++) {
            accepted = connection.offer("1-" + i, "0123456789", null);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(accepted, "the queue overflowed");
        assertTrue(millis < 1_000, "the sender never waited for the network: " + millis + " ms");
        assertFalse(network.closed.await(100, TimeUnit.MILLISECONDS), "the stuck write is not raced by a close");
        network.release.countDown();
        assertTrue(network.closed.await(5, TimeUnit.SECONDS), "the writer closes once the stuck write returns");
        assertTrue(network.written.size() <= 2, "queued events were dropped: " + network.written.size());
    }
}
