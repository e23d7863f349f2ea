package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates, finds and ends sessions, applying the idle timeout, the global cap and the per-client
 * quotas. A session's channel is opened here, at creation, and closed here.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 */
@ApplicationScoped
public class SessionManager {

    private static final Logger LOG = Logger.getLogger(SessionManager.class.getName());

    @Inject
    SessionStore store;

    @Inject
    McpServerConfig config;

    @Inject
    SessionChannels channels;

    @Inject
    SessionQuota quota;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeper;

    /** Why a session was not created; null when it was. */
    public enum Refusal { SERVER_FULL, CLIENT_FULL, RATE_LIMITED }

    public record Creation(Optional<McpSession> session, Refusal refusal, long retryAfterSeconds) {
    }

    /** Starts the idle sweep with the application, not with the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // touching the bean is enough; @PostConstruct does the work
    }

    @PostConstruct
    void startSweeper() {
        long every = Math.max(1000, Math.min(30_000, config.idleTimeoutMillis() / 2));
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopSweeper() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }

    void sweep() {
        try {
            List<McpSession> removed = store.removeIdle(config.idleTimeoutMillis(), channels::isBusy);
            removed.forEach(s -> {
                channels.close(s.id());
                quota.release(s.client());
            });
            channels.sweep(store::contains); // orphans: channels whose session is gone
            quota.sweep();
            if (!removed.isEmpty()) {
                LOG.fine(() -> "expired " + removed.size() + " idle MCP sessions");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session sweep failed; it runs again", e);
        }
    }

    private boolean sweepNow() {
        sweep();
        return true;
    }

    /** A new session with its channel, or why not. */
    public Creation create(String server, String protocolVersion, String clientName, String clientVersion,
                           String capabilities, String client) {
        switch (quota.acquire(client)) {
            case RATE_LIMITED -> {
                return new Creation(Optional.empty(), Refusal.RATE_LIMITED, quota.retryAfterSeconds(client));
            }
            case CLIENT_FULL -> {
                return new Creation(Optional.empty(), Refusal.CLIENT_FULL, 30);
            }
            default -> {
            }
        }
        McpSession session = new McpSession(SessionIds.next(), server, protocolVersion, SharedStrings.of(clientName),
                SharedStrings.of(clientVersion), SharedStrings.of(capabilities), false, LogLevel.INFO, System.currentTimeMillis(),
                SharedStrings.of(client));
        // no client knows the id before initialize answers, so opening the channel after storing is safe
        if (store.add(session, config.maxSessions()) || (sweepNow() && store.add(session, config.maxSessions()))) {
            channels.open(session);
            return new Creation(Optional.of(session), null, 0);
        }
        quota.release(client);
        return new Creation(Optional.empty(), Refusal.SERVER_FULL, 30);
    }

    /**
     * The session, unless it is idle for longer than the timeout. A session that is running a request
     * is not idle, however long the request takes.
     */
    public Optional<McpSession> find(String id) {
        return store.find(id, channels.isBusy(id) ? Long.MAX_VALUE : config.idleTimeoutMillis());
    }

    public McpSession markReady(McpSession session) {
        McpSession ready = session.ready();
        store.replace(ready);
        return ready;
    }

    public McpSession update(McpSession session) {
        store.replace(session);
        return session;
    }

    public boolean end(String id) {
        channels.close(id);
        Optional<McpSession> removed = store.remove(id);
        removed.ifPresent(s -> quota.release(s.client()));
        return removed.isPresent();
    }

    public int count() {
        return store.size();
    }
}
