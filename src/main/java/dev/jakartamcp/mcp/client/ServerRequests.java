package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * The server's requests this client is answering (elicitation, sampling, ...), by id, so that the
 * server's {@code notifications/cancelled} for one can stop its handler, and so that a cancelled
 * one gets no response: whoever removes the entry first, the answer or the cancellation, wins.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
 */
final class ServerRequests {

    /** One request being answered. */
    static final class Answering {
        final JsonRpcMessage.Request request;
        /** Set for elicitation/create: the question the handler sees. */
        final Elicitation elicitation;
        private Future<?> work;         // guarded by this
        private boolean cancelled;      // guarded by this

        Answering(JsonRpcMessage.Request request) {
            this.request = request;
            JsonObject params = request.params();
            JsonObject schema = params.get("requestedSchema") instanceof JsonObject s ? s : JsonValue.EMPTY_JSON_OBJECT;
            this.elicitation = "elicitation/create".equals(request.method())
                    ? new Elicitation(params.getString("message", ""), schema) : null;
        }

        synchronized void runningAs(Future<?> work) {
            this.work = work;
            if (cancelled) {
                work.cancel(true);
            }
        }

        /** Signals the handler first (so it sees why), then interrupts its thread. */
        void cancel(String reason) {
            if (elicitation != null) {
                elicitation.cancel(reason);
            }
            Future<?> running;
            synchronized (this) {
                cancelled = true;
                running = work;
            }
            if (running != null) {
                running.cancel(true);
            }
        }
    }

    private final Map<String, Answering> answering = new ConcurrentHashMap<>();

    Answering track(JsonRpcMessage.Request request) {
        Answering a = new Answering(request);
        answering.put(key(request.id()), a);
        return a;
    }

    /** True when the answer may be sent: the request was not cancelled meanwhile. */
    boolean finish(Answering a) {
        return answering.remove(key(a.request.id()), a);
    }

    /** False when no such request is being answered (already answered, or unknown: the spec lets us ignore it). */
    boolean cancel(JsonValue id, String reason) {
        Answering a = id == null ? null : answering.remove(key(id));
        if (a == null) {
            return false;
        }
        a.cancel(reason);
        return true;
    }

    void cancelAll(String reason) {
        List.copyOf(answering.keySet()).forEach(k -> {
            Answering a = answering.remove(k);
            if (a != null) {
                a.cancel(reason);
            }
        });
    }

    private static String key(JsonValue id) {
        return id.toString();
    }
}
