package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonRpcMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live, node-local side of a session: its streams and their replay buffer, the requests it is
 * running, the server-to-client requests waiting for answers, and its resource subscriptions.
 * None of this is serializable session state; it dies with the node.
 */
public final class SessionChannel {

    /** The standalone GET stream's id; request streams count up from 1. */
    public static final String STANDALONE = "0";
    private static final int KEPT_STREAMS = 64;

    private final String sessionId;
    private final String server;
    private final ReplayBuffer replay;
    private final AtomicLong streamCounter = new AtomicLong();
    private final AtomicLong requestCounter = new AtomicLong();
    private final OutboundStream standalone;
    private final Map<String, OutboundStream> streams = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OutboundStream> eldest) {
            // completed streams are kept for resumption, but not forever
            return size() > KEPT_STREAMS && eldest.getValue().isCompleted();
        }
    };
    final Map<String, CompletableFuture<JsonRpcMessage>> pending = new ConcurrentHashMap<>();
    final Map<String, RequestContext> running = new ConcurrentHashMap<>();
    final Set<String> subscriptions = ConcurrentHashMap.newKeySet();

    SessionChannel(String sessionId, String server, int replayCapacity) {
        this.sessionId = sessionId;
        this.server = server;
        this.replay = new ReplayBuffer(replayCapacity);
        this.standalone = new OutboundStream(STANDALONE, replay);
        this.streams.put(STANDALONE, standalone);
    }

    public String sessionId() {
        return sessionId;
    }

    public String server() {
        return server;
    }

    public OutboundStream standalone() {
        return standalone;
    }

    public synchronized OutboundStream newStream() {
        OutboundStream stream = new OutboundStream(Long.toString(streamCounter.incrementAndGet(), 36), replay);
        streams.put(stream.id(), stream);
        return stream;
    }

    public synchronized Optional<OutboundStream> stream(String id) {
        return Optional.ofNullable(streams.get(id));
    }

    String nextRequestId() {
        return "s" + requestCounter.incrementAndGet();
    }

    /** A client's response to one of our requests; false when nobody waits for it. */
    public boolean complete(JsonRpcMessage response) {
        String key = response instanceof JsonRpcMessage.Result r ? r.id().toString()
                : response instanceof JsonRpcMessage.Error e ? e.id().toString() : null;
        CompletableFuture<JsonRpcMessage> waiting = key == null ? null : pending.remove(key);
        return waiting != null && waiting.complete(response);
    }

    /**
     * notifications/cancelled: the request stops and gets no response.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
     */
    public void cancel(String requestIdKey) {
        RequestContext call = running.get(requestIdKey);
        if (call != null) {
            call.cancel();
        }
    }

    /**
     * Running a request. An open GET stream alone does not count: a client that vanished without
     * closing it would otherwise keep its session forever.
     */
    boolean isBusy() {
        return !running.isEmpty();
    }

    public Set<String> subscriptions() {
        return subscriptions;
    }

    void close() {
        running.values().forEach(RequestContext::cancel);
        pending.values().forEach(f -> f.cancel(false));
        synchronized (this) {
            streams.values().forEach(OutboundStream::complete);
        }
    }
}
