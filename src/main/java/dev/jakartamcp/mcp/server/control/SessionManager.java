package dev.jakartamcp.mcp.server.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import dev.jakartamcp.mcp.protocol.LogLevel;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Creates, finds and ends sessions, applying the idle timeout and the session cap.
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeper;

    /** Starts the idle sweep with the application, not with the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // touching the bean is enough; @PostConstruct does the work
    }

    @PostConstruct
    void startSweeper() {
        long every = Math.max(1000, Math.min(60_000, config.idleTimeoutMillis() / 2));
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopSweeper() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }

    void sweep() {
        var removed = store.removeIdle(config.idleTimeoutMillis(), channels::isBusy);
        removed.forEach(channels::close);
        if (!removed.isEmpty()) {
            LOG.fine(() -> "expired " + removed.size() + " idle MCP sessions");
        }
    }

    /** Empty when the cap is reached even after dropping idle sessions. */
    public Optional<McpSession> create(String server, String protocolVersion, String clientName, String clientVersion,
                                       String capabilities) {
        McpSession session = new McpSession(SessionIds.next(), server, protocolVersion, clientName, clientVersion, capabilities,
                false, LogLevel.INFO, System.currentTimeMillis());
        if (store.add(session, config.maxSessions())) {
            return Optional.of(session);
        }
        sweep();
        return store.add(session, config.maxSessions()) ? Optional.of(session) : Optional.empty();
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
        return store.remove(id);
    }

    public int count() {
        return store.size();
    }
}
