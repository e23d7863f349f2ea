package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.Implementation;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open subscriptions/listen streams of 2026-07-28 clients: what replaced the GET stream and
 * resources/subscribe. Each stream is acknowledged first, gets only the notification types it asked
 * for, each tagged with the listen request's id, and a {@code :} comment when idle; on shutdown each
 * ends with a result. How many are open is bounded, in total and per client.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
 */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    @Inject
    @ConfigProperty(name = "mcp.subscriptions.max-listeners", defaultValue = "1000")
    int maxListeners;

    @Inject
    @ConfigProperty(name = "mcp.subscriptions.max-per-client", defaultValue = "8")
    int maxPerClient;

    @Inject
    @ConfigProperty(name = "mcp.subscriptions.keep-alive-seconds", defaultValue = "15")
    long keepAliveSeconds;

    @Inject
    @ConfigProperty(name = "mcp.subscriptions.max-resource-uris", defaultValue = "64")
    int maxResourceUris;

    @Resource
    ManagedThreadFactory threads;

    /** Why a stream was not opened. */
    public enum Refusal { SERVER_FULL, CLIENT_FULL }

    /** One open stream. */
    record Listener(String server, String client, JsonValue id, SubscriptionFilter filter, EventSink sink,
                    Implementation serverInfo) {

        boolean send(JsonRpcMessage.Notification notification) {
            JsonObject params = notification.params() == null ? JsonValue.EMPTY_JSON_OBJECT : notification.params();
            JsonObject meta = params.get("_meta") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
            JsonObject tagged = JsonCodec.object(params).add("_meta", JsonCodec.object(meta).add(SUBSCRIPTION_ID, id)).build();
            return write(new JsonRpcMessage.Notification(notification.method(), tagged), null);
        }

        boolean write(JsonRpcMessage message, Runnable onWritten) {
            // no event ids: 2026-07-28 streams are not resumable
            return sink.offer(null, JsonCodec.write(JsonRpcCodec.encode(message)), onWritten);
        }
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private int reserved;
    private ScheduledExecutorService timer;

    @PostConstruct
    void start() {
        ThreadFactory factory = threads != null ? threads : Executors.defaultThreadFactory();
        timer = Executors.newSingleThreadScheduledExecutor(factory);
        long every = Math.max(1, keepAliveSeconds);
        timer.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.SECONDS);
    }

    public int maxResourceUris() {
        return maxResourceUris;
    }

    /** Takes one of the places for a stream; null when taken, else why not. */
    public synchronized Refusal reserve(String client) {
        if (reserved >= maxListeners) {
            return Refusal.SERVER_FULL;
        }
        int mine = perClient.getOrDefault(client, 0);
        if (mine >= maxPerClient) {
            return Refusal.CLIENT_FULL;
        }
        perClient.put(client, mine + 1);
        reserved++;
        return null;
    }

    /** Gives a place back. */
    public synchronized void release(String client) {
        perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        reserved = Math.max(0, reserved - 1);
    }

    /**
     * Opens a stream whose place was reserved: the acknowledgement, naming what this server honours
     * of the filter, is its first message.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    public void open(McpServer server, String client, JsonValue id, SubscriptionFilter requested, EventSink sink) {
        SubscriptionFilter honored = requested.honoredBy(server);
        Listener listener = new Listener(server.name(), client, id, honored, sink, server.info());
        if (!listener.send(new JsonRpcMessage.Notification("notifications/subscriptions/acknowledged",
                JsonCodec.object().add("notifications", honored.toJson()).build()))) {
            release(client);
            return;
        }
        listeners.add(listener);
    }

    /**
     * A notification for every open stream of a server that asked for its type. The caller never
     * waits: each stream only queues it.
     */
    public void publish(String server, JsonRpcMessage.Notification notification) {
        JsonObject params = notification.params() == null ? JsonValue.EMPTY_JSON_OBJECT : notification.params();
        for (Listener listener : listeners) {
            if (listener.server().equals(server) && listener.filter().wants(notification.method(), params)
                    && !listener.send(notification)) {
                drop(listener);
            }
        }
    }

    /** Open streams, on every server. */
    public int size() {
        return listeners.size();
    }

    /** A client that left is found by its keep-alive failing; its place is given back then. */
    void keepAlive() {
        for (Listener listener : listeners) {
            if (!listener.sink().keepAlive()) {
                drop(listener);
            }
        }
    }

    private void drop(Listener listener) {
        if (listeners.remove(listener)) {
            listener.sink().abort();
            release(listener.client());
        }
    }

    /**
     * Graceful shutdown (undeploy, server stop): before any bean goes, every stream ends with the
     * listen request's result, tagged with its id, and closes. Waits a little for the writes.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    void shutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        stop(2_000);
    }

    void stop(long waitMillis) {
        if (timer != null) {
            timer.shutdownNow();
        }
        List<Listener> open = List.copyOf(listeners);
        listeners.clear();
        CountDownLatch written = new CountDownLatch(open.size());
        for (Listener listener : open) {
            JsonObject result = JsonCodec.object().add("resultType", "complete").add("_meta", JsonCodec.object()
                    .add(SUBSCRIPTION_ID, listener.id()).add(MetaEnvelope.SERVER_INFO, listener.serverInfo().toJson())).build();
            if (!listener.write(new JsonRpcMessage.Result(listener.id(), result), written::countDown)) {
                written.countDown();
            }
            listener.sink().close();
            release(listener.client());
        }
        try {
            if (!written.await(waitMillis, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.FINE, "some subscription streams did not take their final result in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
