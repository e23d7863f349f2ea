package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The live channels of the sessions on this node. */
@ApplicationScoped
public class SessionChannels {

    private static final Logger LOG = Logger.getLogger(SessionChannels.class.getName());

    @Inject
    McpLimits limits;

    @Inject
    McpExecutors executors;

    @Inject
    Subscriptions subscriptions;

    private final Map<String, SessionChannel> channels = new ConcurrentHashMap<>();
    ReplayBudget budget;
    Executor broadcasts;

    @PostConstruct
    void init() {
        budget = new ReplayBudget(limits.replay());
        broadcasts = executors.writers();
    }

    /** Opens the channel of a new session; only initialize does this. */
    public SessionChannel open(McpSession session) {
        SessionChannel channel = new SessionChannel(session.id(), session.server(), budget,
                new TokenBucket(limits.requestsPerSecond(), limits.requestsBurst()));
        channels.put(session.id(), channel);
        return channel;
    }

    /** The session's channel, or null when the session ended (a request racing DELETE or the sweep). */
    public SessionChannel get(String sessionId) {
        return channels.get(sessionId);
    }

    /** Whether the session is running a request on this node. */
    public boolean isBusy(String sessionId) {
        SessionChannel channel = channels.get(sessionId);
        return channel != null && channel.isBusy();
    }

    public void close(String sessionId) {
        SessionChannel channel = channels.remove(sessionId);
        if (channel != null) {
            channel.close();
        }
    }

    /** Closes channels whose session is gone, and lets completed streams past retention go. */
    public void sweep(Predicate<String> sessionAlive) {
        long now = System.currentTimeMillis();
        for (SessionChannel channel : channels.values()) {
            if (!sessionAlive.test(channel.sessionId())) {
                close(channel.sessionId());
            } else {
                channel.expireStreams(now);
            }
        }
    }

    /** Streams of every session, standalone ones included. */
    public int streamCount() {
        return channels.values().stream().mapToInt(SessionChannel::streamCount).sum();
    }

    public int size() {
        return channels.size();
    }

    public ReplayBudget budget() {
        return budget;
    }

    /**
     * A notification for every session of a server, on their standalone streams. Asynchronous: the
     * caller (often a tool) never waits for thousands of sessions.
     */
    public void broadcast(String server, JsonRpcMessage.Notification notification) {
        async(() -> channels.values().stream().filter(c -> c.server().equals(server))
                .forEach(c -> c.standalone().send(notification)));
    }

    /**
     * Tells subscribers that a resource changed: 2025 sessions that subscribed to it, and 2026
     * subscriptions/listen streams that listed it in resourceSubscriptions.
     * https://modelcontextprotocol.io/specification/2025-11-25/server/resources#subscriptions
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     */
    public void resourceUpdated(String server, String uri) {
        var notification = new JsonRpcMessage.Notification("notifications/resources/updated",
                JsonCodec.object().add("uri", uri).build());
        async(() -> channels.values().stream()
                .filter(c -> c.server().equals(server) && c.isSubscribed(uri))
                .forEach(c -> c.standalone().send(notification)));
        subscriptions.publish(server, notification);
    }

    /**
     * A list (tools, prompts) changed: every 2025 session of the server hears it on its standalone
     * stream, every 2026 listen stream that asked for that type on its own.
     * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#list-changed-notification
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
     *
     * @param method e.g. notifications/tools/list_changed
     */
    public void listChanged(String server, String method) {
        var notification = new JsonRpcMessage.Notification(method, jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
        broadcast(server, notification);
        subscriptions.publish(server, notification);
    }

    private void async(Runnable work) {
        try {
            broadcasts.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "notification dropped: the stream writers are saturated");
        }
    }
}
