package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The call context of one request, over its stream (or none, when it is answered with plain JSON). */
public final class RequestContext implements CallContext {

    private final McpSession session;
    private final Caller caller;
    private final SessionChannel channel;
    private final OutboundStream stream;
    private final ProgressReport progressReport;
    private final long clientRequestTimeoutMillis;
    private final String requestKey;
    private final int maxPendingClientRequests;
    private volatile boolean cancelled;
    private volatile Thread worker;
    private JsonObject clientCapabilities;

    public RequestContext(McpSession session, Caller caller, SessionChannel channel, OutboundStream stream,
                          JsonRpcMessage.Request request, long clientRequestTimeoutMillis, int maxPendingClientRequests) {
        this.session = session;
        this.caller = caller;
        this.maxPendingClientRequests = maxPendingClientRequests;
        this.channel = channel;
        this.stream = stream;
        this.clientRequestTimeoutMillis = clientRequestTimeoutMillis;
        JsonValue meta = request.params().get("_meta");
        this.progressReport = new ProgressReport(meta instanceof JsonObject m ? m.get("progressToken") : null);
        this.requestKey = request.id().toString();
    }

    /**
     * Registers the call as running, before it is handed to a thread, so a notifications/cancelled
     * that arrives first still finds it. False when a request with the same id is already running.
     */
    public boolean register() {
        return channel.register(requestKey, this);
    }

    /** Binds the call to the thread that runs it; false when it was cancelled before it started. */
    public boolean start() {
        worker = Thread.currentThread();
        return !cancelled;
    }

    public void finish() {
        channel.unregister(requestKey, this);
        worker = null;
        Thread.interrupted(); // a cancel that came too late must not leak into the pooled thread
    }

    void cancel() {
        cancelled = true;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public McpSession session() {
        return session;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public void notify(String method, JsonObject params) {
        if (stream != null && !cancelled) {
            stream.send(new JsonRpcMessage.Notification(method, params));
        }
    }

    @Override
    public void progress(double progress, Double total, String message) {
        JsonObject params = progressReport.next(progress, total, message);
        if (params != null) {
            notify(ProgressReport.METHOD, params);
        }
    }

    @Override
    public void log(LogLevel level, String logger, JsonValue data) {
        if (level.compareTo(session.logLevel()) < 0) {
            return;
        }
        notify("notifications/message", LogMessage.params(level, logger, data));
    }

    @Override
    public boolean clientSupports(String capability) {
        if (clientCapabilities == null) {
            clientCapabilities = JsonCodec.parseObject(session.clientCapabilities());
        }
        return clientCapabilities.get(capability) instanceof JsonObject;
    }

    /**
     * Server-to-client requests go out on the request's stream; the answer comes back as a POST.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
     */
    @Override
    public JsonObject request(String method, JsonObject params) {
        String capability = method.startsWith("elicitation/") ? "elicitation" : method.startsWith("sampling/") ? "sampling"
                : method.startsWith("roots/") ? "roots" : null;
        if (capability != null && !clientSupports(capability)) {
            throw new ClientRequestException(ClientRequestException.Reason.CAPABILITY_MISSING,
                    "The client did not declare the " + capability + " capability");
        }
        if (stream == null) {
            throw new ClientRequestException(ClientRequestException.Reason.CAPABILITY_MISSING,
                    "This request has no stream to ask the client on");
        }
        if (cancelled) {
            throw new ClientRequestException(ClientRequestException.Reason.CANCELLED, "The request was cancelled");
        }
        String id = channel.nextRequestId();
        JsonValue requestId = JsonCodec.string(id);
        String key = requestId.toString();
        CompletableFuture<JsonRpcMessage> answer = new CompletableFuture<>();
        if (!channel.addPending(key, answer, maxPendingClientRequests)) {
            throw new ClientRequestException(ClientRequestException.Reason.OVERLOADED,
                    "Too many requests to the client are waiting for answers; answer those first");
        }
        boolean answered = false;
        try {
            stream.send(new JsonRpcMessage.Request(requestId, method, params));
            JsonRpcMessage response = answer.get(clientRequestTimeoutMillis, TimeUnit.MILLISECONDS);
            answered = true;
            if (response instanceof JsonRpcMessage.Error e) {
                throw new ClientRequestException(ClientRequestException.Reason.CLIENT_ERROR,
                        "The client answered " + method + " with error " + e.error().code() + ": " + e.error().message());
            }
            JsonObject result = ((JsonRpcMessage.Result) response).result();
            ClientAnswers.check(method, result);
            return result;
        } catch (TimeoutException e) {
            throw new ClientRequestException(ClientRequestException.Reason.TIMEOUT,
                    "The client did not answer " + method + " within " + clientRequestTimeoutMillis / 1000 + " s");
        } catch (InterruptedException | CancellationException e) {
            throw new ClientRequestException(ClientRequestException.Reason.CANCELLED, "The request was cancelled");
        } catch (ExecutionException e) {
            throw new ClientRequestException(ClientRequestException.Reason.CLIENT_ERROR, String.valueOf(e.getCause()));
        } finally {
            channel.removePending(key);
            if (!answered) {
                giveUp(requestId, method);
            }
        }
    }

    /**
     * A question we stop waiting for is cancelled at the client too, so it can close its dialog.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
     */
    private void giveUp(JsonValue requestId, String method) {
        stream.send(new JsonRpcMessage.Notification("notifications/cancelled", JsonCodec.object()
                .add("requestId", requestId).add("reason", "The server stopped waiting for " + method).build()));
    }

    @Override
    public void disconnectStream() {
        if (stream != null) {
            stream.disconnect();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** For requests without a stream of their own. */
    public static RequestContext withoutStream(McpSession session, Caller caller, SessionChannel channel, JsonRpcMessage.Request request) {
        return new RequestContext(session, caller, channel, null, request, 0, 0);
    }

}
