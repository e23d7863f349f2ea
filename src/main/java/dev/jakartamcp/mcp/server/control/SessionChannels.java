package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The live channels of the sessions on this node. */
@ApplicationScoped
public class SessionChannels {

    @Inject
    McpServerConfig config;

    private final Map<String, SessionChannel> channels = new ConcurrentHashMap<>();

    /** The session's channel; created on first use, also for a session that another node created. */
    public SessionChannel of(McpSession session) {
        return channels.computeIfAbsent(session.id(), id -> new SessionChannel(id, session.server(), config.replayBufferSize()));
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

    /** A notification for every session of a server, on their standalone streams. */
    public void broadcast(String server, JsonRpcMessage.Notification notification) {
        channels.values().stream().filter(c -> c.server().equals(server)).forEach(c -> c.standalone().send(notification));
    }

    /**
     * Tells subscribers that a resource changed.
     * https://modelcontextprotocol.io/specification/2025-11-25/server/resources#subscriptions
     */
    public void resourceUpdated(String server, String uri) {
        var notification = new JsonRpcMessage.Notification("notifications/resources/updated",
                JsonCodec.object().add("uri", uri).build());
        channels.values().stream()
                .filter(c -> c.server().equals(server) && c.subscriptions().contains(uri))
                .forEach(c -> c.standalone().send(notification));
    }
}
