package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonRpcMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The live, node-local side of a session: its streams and what they keep for replay, the requests
 * it is running, the server-to-client requests waiting for answers, its resource subscriptions and
 * its request rate. Created at initialize, closed with the session; never re-created on a request
 * path. Everything is guarded by this object's monitor, and the maps exist only once used, so an
 * idle session stays small.
 */
public final class SessionChannel {

    /** The standalone GET stream's id; request streams count up from 1. */
    public static final String STANDALONE = "0";
    /** Finished streams a session keeps for resumption at most; running ones are bounded by admission. */
    static final int MAX_FINISHED_STREAMS = 256;

    private final String sessionId;
    private final String server;
    private final ReplayBudget budget;
    private final TokenBucket rate;
    private final OutboundStream standalone;
    private LinkedHashMap<String, OutboundStream> streams;
    private HashMap<String, RequestContext> running;
    private HashMap<String, CompletableFuture<JsonRpcMessage>> pending;
    private HashSet<String> subscriptions;
    private long streamCounter;
    private long requestCounter;
    private long keptBytes;
    private int inFlight;
    private boolean closed;

    SessionChannel(String sessionId, String server, ReplayBudget budget, TokenBucket rate) {
        this.sessionId = sessionId;
        this.server = server;
        this.budget = budget;
        this.rate = rate;
        this.standalone = new OutboundStream(STANDALONE, this);
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

    /**
     * A new request stream. Completed streams past their retention leave the session first, and so
     * do the oldest completed ones beyond {@link #MAX_FINISHED_STREAMS}: within the retention a
     * client sending requests one after another could otherwise make the session keep thousands.
     */
    public synchronized OutboundStream newStream() {
        expireStreams(System.currentTimeMillis());
        if (streams == null) {
            streams = new LinkedHashMap<>();
        }
        if (streams.size() >= MAX_FINISHED_STREAMS) {
            for (Iterator<OutboundStream> it = streams.values().iterator(); it.hasNext() && streams.size() >= MAX_FINISHED_STREAMS; ) {
                OutboundStream s = it.next();
                if (s.isCompleted()) {
                    s.release();
                    it.remove();
                }
            }
        }
        OutboundStream stream = new OutboundStream(Long.toString(++streamCounter, 36), this);
        streams.put(stream.id(), stream);
        return stream;
    }

    public synchronized Optional<OutboundStream> stream(String id) {
        if (STANDALONE.equals(id)) {
            return Optional.of(standalone);
        }
        return Optional.ofNullable(streams == null ? null : streams.get(id));
    }

    synchronized void expireStreams(long now) {
        if (streams == null) {
            return;
        }
        long retention = budget.limits().retentionMillis();
        for (Iterator<OutboundStream> it = streams.values().iterator(); it.hasNext(); ) {
            OutboundStream s = it.next();
            if (s.isExpired(now, retention)) {
                s.release();
                it.remove();
            }
        }
    }

    public synchronized int streamCount() {
        return 1 + (streams == null ? 0 : streams.size());
    }

    // ---- admission ----

    /** A request slot, unless the session already runs {@code max} requests or has run out of rate. */
    public synchronized Admission admit(int maxConcurrent, int maxPending) {
        if (closed) {
            return Admission.CLOSED;
        }
        if (!rate.tryTake()) {
            return Admission.RATE_LIMITED;
        }
        if (inFlight >= maxConcurrent) {
            return Admission.TOO_MANY_REQUESTS;
        }
        if (pending != null && pending.size() >= maxPending) {
            return Admission.TOO_MANY_WAITING;
        }
        inFlight++;
        return Admission.ADMITTED;
    }

    /** Counts a request against the rate only (GET, DELETE). */
    public synchronized boolean takeRate() {
        return rate.tryTake();
    }

    public long retryAfterSeconds() {
        return rate.secondsUntilNext();
    }

    public synchronized void release() {
        inFlight = Math.max(0, inFlight - 1);
    }

    public enum Admission { ADMITTED, CLOSED, RATE_LIMITED, TOO_MANY_REQUESTS, TOO_MANY_WAITING }

    /**
     * Running or queued requests. An open GET stream alone does not count: a client that vanished
     * without closing it would otherwise keep its session forever.
     */
    synchronized boolean isBusy() {
        return inFlight > 0;
    }

    // ---- running requests and cancellation ----

    String nextRequestId() {
        synchronized (this) {
            return "s" + ++requestCounter;
        }
    }

    /**
     * Registers a request before it is handed to a thread, so a notifications/cancelled that
     * arrives early still finds it. False when a request with that id is already running.
     */
    public synchronized boolean register(String requestKey, RequestContext context) {
        if (running == null) {
            running = new HashMap<>(4);
        }
        return running.putIfAbsent(requestKey, context) == null;
    }

    synchronized void unregister(String requestKey, RequestContext context) {
        if (running != null) {
            running.remove(requestKey, context);
        }
    }

    /**
     * notifications/cancelled: the request stops and gets no response.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
     */
    public void cancel(String requestKey) {
        RequestContext call;
        synchronized (this) {
            call = running == null ? null : running.get(requestKey);
        }
        if (call != null) {
            call.cancel();
        }
    }

    // ---- server-to-client requests ----

    synchronized boolean addPending(String key, CompletableFuture<JsonRpcMessage> answer, int max) {
        if (closed) {
            return false;
        }
        if (pending == null) {
            pending = new HashMap<>(4);
        }
        if (pending.size() >= max) {
            return false;
        }
        pending.put(key, answer);
        return true;
    }

    synchronized void removePending(String key) {
        if (pending != null) {
            pending.remove(key);
        }
    }

    /** A client's response to one of our requests; false when nobody waits for it. */
    public boolean complete(JsonRpcMessage response) {
        String key = response instanceof JsonRpcMessage.Result r ? r.id().toString()
                : response instanceof JsonRpcMessage.Error e ? e.id().toString() : null;
        CompletableFuture<JsonRpcMessage> waiting;
        synchronized (this) {
            waiting = key == null || pending == null ? null : pending.remove(key);
        }
        return waiting != null && waiting.complete(response);
    }

    // ---- subscriptions ----

    /** False when the session already holds {@code max} subscriptions. */
    public synchronized boolean subscribe(String uri, int max) {
        if (subscriptions == null) {
            subscriptions = new HashSet<>(4);
        }
        if (subscriptions.contains(uri)) {
            return true;
        }
        if (subscriptions.size() >= max) {
            return false;
        }
        return subscriptions.add(uri);
    }

    public synchronized void unsubscribe(String uri) {
        if (subscriptions != null) {
            subscriptions.remove(uri);
        }
    }

    public synchronized boolean isSubscribed(String uri) {
        return subscriptions != null && subscriptions.contains(uri);
    }

    // ---- replay budget (called by streams, under this lock) ----

    /**
     * Keeps an event for replay within three budgets: the stream's, the session's and the node's.
     * To make room it first drops events that already went out on a connection (oldest first, in
     * any stream), then this stream's own oldest. A busy stream never evicts another stream's
     * response that is still undelivered; an event that does not fit is not kept, and a resume
     * that needs it is told so.
     */
    void keep(OutboundStream stream, long seq, String data) {
        ReplayBudget.Limits limits = budget.limits();
        long bytes = data.length() + 48L; // the text plus the record around it
        if (closed) {
            stream.drop(seq);
            return;
        }
        if (bytes > limits.streamBytes() || bytes > limits.sessionBytes()) {
            stream.drop(seq);
            return;
        }
        while (stream.keptBytes() + bytes > limits.streamBytes()) {
            stream.evictOldest();
        }
        while (keptBytes + bytes > limits.sessionBytes()) {
            if (!evictOneWritten() && !stream.evictOldest()) {
                stream.drop(seq);
                return;
            }
        }
        while (!budget.reserve(bytes)) {
            if (!evictOneWritten() && !stream.evictOldest()) {
                stream.drop(seq);
                return;
            }
        }
        keptBytes += bytes;
        stream.add(seq, data, bytes);
    }

    private boolean evictOneWritten() {
        if (standalone.evictOldestWritten()) {
            return true;
        }
        if (streams != null) {
            for (OutboundStream s : streams.values()) {
                if (s.evictOldestWritten()) {
                    return true;
                }
            }
        }
        return false;
    }

    void released(long bytes) {
        keptBytes -= bytes;
        budget.release(bytes);
    }

    synchronized long keptBytes() {
        return keptBytes;
    }

    // ---- the end ----

    void close() {
        List<RequestContext> calls;
        List<CompletableFuture<JsonRpcMessage>> waiting;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            calls = running == null ? List.of() : new ArrayList<>(running.values());
            waiting = pending == null ? List.of() : new ArrayList<>(pending.values());
            standalone.release();
            if (streams != null) {
                streams.values().forEach(s -> {
                    s.complete();
                    s.release();
                });
                streams.clear();
            }
        }
        calls.forEach(RequestContext::cancel);
        waiting.forEach(f -> f.cancel(false));
    }
}
