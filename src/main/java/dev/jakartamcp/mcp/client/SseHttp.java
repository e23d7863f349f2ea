package dev.jakartamcp.mcp.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * SSE over java.net.http, shared by the MCP client and the LLM client: the HttpClient they build,
 * the read-and-feed loop with a read watchdog, the excerpt of an error body, the retry pause and the
 * {@code [DONE]} marker. An HttpClient's request timeout covers only the headers; the watchdog covers
 * the body: when no byte arrives for the idle time, the body is closed and the read ends with
 * {@link IdleTimeoutException}.
 */
public final class SseHttp {

    /** How long to wait for a TCP connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How much of an error body goes into a message. */
    static final int EXCERPT_BYTES = 2000;

    private SseHttp() {
    }

    /**
     * The client both use when none is given: HTTP/1.1 (an SSE stream per request, no h2c upgrade
     * attempts against servers that do not speak it). One of these can be shared by the whole
     * application; it is thread-safe.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** No bytes arrived on a stream for its idle time; the stream was closed. */
    public static final class IdleTimeoutException extends IOException {
        private final Duration idle;

        IdleTimeoutException(Duration idle) {
            super("no bytes arrived for " + describe(idle));
            this.idle = idle;
        }

        public Duration idle() {
            return idle;
        }
    }

    /**
     * Reads {@code body} into {@code parser} until the stream ends or {@code done} says so, and closes
     * it. A gap of {@code idle} without bytes closes it early with {@link IdleTimeoutException}.
     *
     * @throws IOException           the stream broke off
     * @throws IdleTimeoutException  nothing arrived for {@code idle}
     * @throws SseLimitException     a line or an event was too big
     */
    public static void pump(InputStream body, SseParser parser, Duration idle, BooleanSupplier done) throws IOException {
        Watchdog watchdog = new Watchdog(body, idle.toNanos());
        try (body) {
            byte[] buffer = new byte[8192];
            for (int n; !done.getAsBoolean() && (n = body.read(buffer)) != -1; ) {
                watchdog.sawBytes();
                parser.feed(buffer, 0, n);
            }
        } catch (IOException e) {
            if (watchdog.fired) {
                throw new IdleTimeoutException(idle);
            }
            throw e;
        } finally {
            watchdog.finish();
        }
        if (watchdog.fired) {
            throw new IdleTimeoutException(idle); // the close may read as a normal end of stream
        }
    }

    /** Up to {@link #EXCERPT_BYTES} of an error body, as text; the body is closed. Never throws. */
    public static String excerpt(InputStream body) {
        try (body) {
            return new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** OpenAI ends its streams with {@code data: [DONE]}; it is not JSON, and MCP servers may copy it. */
    public static boolean isDone(String data) {
        return data.trim().equals("[DONE]");
    }

    /**
     * Waits before a retry or a reconnect. False when interrupted (the interrupt flag is kept set), so
     * the caller can give up with its own exception.
     */
    public static boolean pause(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Closes the body when it has been silent for the idle time. It owns no thread: it wakes up on the
     * JDK's shared delayer once per idle period, and re-arms for the time that is left.
     */
    private static final class Watchdog implements Runnable {
        private final long idleNanos;
        private volatile InputStream body; // dropped when done: a pending wake-up then holds next to nothing
        private volatile long lastBytes = System.nanoTime();
        volatile boolean fired;

        Watchdog(InputStream body, long idleNanos) {
            this.body = body;
            this.idleNanos = idleNanos;
            arm(idleNanos);
        }

        void finish() {
            body = null;
        }

        void sawBytes() {
            lastBytes = System.nanoTime();
        }

        private void arm(long nanos) {
            CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(this);
        }

        @Override
        public void run() {
            InputStream open = body;
            if (open == null) {
                return;
            }
            long silent = System.nanoTime() - lastBytes;
            if (silent < idleNanos) {
                arm(idleNanos - silent);
                return;
            }
            fired = true;
            try {
                open.close();
            } catch (IOException e) {
                // closing is all we can do
            }
        }
    }
}
