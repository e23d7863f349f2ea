package dev.jakartamcp.agent;

import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.client.McpClient;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * MCP sessions kept across chat turns, pooled per server: a turn leases one session per server for
 * itself (its parallel tool calls share it), and gives it back when it ends. A session idle for
 * {@code agent.mcp.session-idle-seconds} is closed with DELETE, and so is every idle one when the
 * application stops. All of them share the application's one {@link HttpClient}.
 */
@ApplicationScoped
public class McpSessions {

    private static final Logger LOG = Logger.getLogger(McpSessions.class.getName());

    /** Idle sessions kept per server beyond this are closed at once. */
    static final int MAX_IDLE_PER_SERVER = 8;

    /** One pooled session; while leased, elicitations go to the leasing turn. */
    public static final class Session {
        private final Key key;
        private final McpClient client;
        private final AtomicReference<ElicitationHandler> relay;
        private final AtomicReference<McpCredentials> credentials;
        private volatile List<ToolDefinition> tools = List.of();
        private volatile long idleSince;

        private Session(Key key, McpClient client, AtomicReference<ElicitationHandler> relay,
                        AtomicReference<McpCredentials> credentials) {
            this.key = key;
            this.client = client;
            this.relay = relay;
            this.credentials = credentials;
        }

        public McpClient client() {
            return client;
        }

        /** The server's tools, listed when the session was leased. */
        public List<ToolDefinition> tools() {
            return tools;
        }
    }

    /** Sessions that relay elicitations declare the capability; the tools console's plain JSON calls do not. */
    private record Key(String url, boolean relays, String person) {
    }

    @Inject
    HttpClient http;

    @Inject
    @ConfigProperty(name = "agent.mcp.session-idle-seconds", defaultValue = "300")
    long idleSeconds;

    /**
     * The era the agent speaks with its MCP servers: auto (the default), 2026-07-28 or 2025-11-25.
     * The chat works on either: a 2026 input_required elicitation reaches the same handler. Without
     * CDI (unit tests) it is 2025-11-25, the era those tests script.
     */
    @Inject
    @ConfigProperty(name = "agent.mcp.protocol", defaultValue = "auto")
    String protocol = "2025-11-25";

    @Inject
    dev.jakartamcp.agent.oauth.PendingSignIns signIns;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Closes sessions given back broken, so a DELETE to a hanging server never holds up the turn that gives them back. */
    @Resource(lookup = AgentExecutors.TOOLS)
    ManagedExecutorService closer;

    private final Map<Key, Deque<Session>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        long every = Math.max(1, Math.min(30, idleSeconds));
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
    }

    /**
     * A session with its tools listed, for the caller alone until {@link #release}. An idle one is
     * reused when it still answers; otherwise a new one is connected (which may throw).
     *
     * @param relay where elicitations go while leased; null for a session without the capability
     */
    public Session lease(String url, ElicitationHandler relay) {
        return lease(url, relay, McpCredentials.NONE);
    }

    /** A session that acts for a person: only ever one that person opened, showing their current token. */
    public Session lease(String url, ElicitationHandler relay, McpCredentials credentials) {
        Key key = new Key(url, relay != null, credentials.person());
        Deque<Session> waiting = idle.get(key);
        Session reused = waiting == null ? null : waiting.pollFirst();
        if (reused != null) {
            reused.relay.set(relay);
            reused.credentials.set(credentials);
            try {
                reused.tools = reused.client.listTools();
                return reused;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a pooled MCP session to " + url + " failed; connecting a new one", e);
                close(reused);
            }
        }
        Session fresh = connect(key, credentials);
        fresh.relay.set(relay);
        try {
            fresh.tools = fresh.client.listTools();
            return fresh;
        } catch (RuntimeException e) {
            close(fresh);
            throw e;
        }
    }

    /** Gives a session back; a broken one (or any, once the application stops) is closed instead. */
    public void release(Session session, boolean healthy) {
        session.relay.set(null);
        if (!healthy || closed) {
            closeLater(session);
            return;
        }
        session.idleSince = System.nanoTime();
        Deque<Session> waiting = idle.computeIfAbsent(session.key, k -> new ConcurrentLinkedDeque<>());
        waiting.offerFirst(session); // the most recently used is reused first; the others can idle out
        while (waiting.size() > MAX_IDLE_PER_SERVER) {
            Session extra = waiting.pollLast();
            if (extra != null) {
                closeLater(extra);
            }
        }
    }

    /** How many sessions wait idle (for tests and diagnostics). */
    public int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    private Session connect(Key key, McpCredentials first) {
        AtomicReference<ElicitationHandler> relay = new AtomicReference<>();
        AtomicReference<McpCredentials> credentials = new AtomicReference<>(first);
        // a question that arrives when no turn holds the session (a late one) is cancelled
        ElicitationHandler handler = key.relays() ? ElicitationHandler.of(question -> {
            ElicitationHandler current = relay.get();
            return current == null ? ElicitationHandler.Answer.cancel() : current.elicit(question);
        }) : null;
        McpClient.Builder builder = McpClient.builder(key.url()).clientInfo("jakarta-mcp-agent", "1.0.0").httpClient(http)
                // relayed calls (a turn, the console's streamed calls) are bounded by their own deadline; plain ones by this
                .requestTimeout(key.relays() ? Duration.ofMinutes(10) : Duration.ofMinutes(2))
                .protocol(protocol).elicitation(handler);
        if (first.signIn() != null) {
            // a server the person signs in to: a 401 starts OAuth, the person's tokens for it go on every request
            builder.authorization(first.signIn().oauth());
            // the handshake may wait for the person to sign in: give it that long (the turn's deadline still bounds it)
            long signIn = signIns == null ? 240 : signIns.timeoutSeconds();
            builder.initializeTimeout(Duration.ofSeconds(30 + signIn));
        } else {
            builder.bearerToken(() -> credentials.get().token().get());
        }
        McpClient client = builder.connect();
        return new Session(key, client, relay, credentials);
    }

    void sweep() {
        long now = System.nanoTime();
        idle.values().forEach(waiting -> {
            for (Session s : List.copyOf(waiting)) {
                if (now - s.idleSince >= TimeUnit.SECONDS.toNanos(idleSeconds) && waiting.removeFirstOccurrence(s)) {
                    close(s); // only whoever removed it closes it: a lease cannot get it any more
                }
            }
        });
    }

    /** Ends every idle session with DELETE, in parallel and within a few seconds, so stopping is not held up. */
    @PreDestroy
    void stop() {
        closed = true;
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        idle.values().forEach(waiting -> {
            for (Session s; (s = waiting.pollFirst()) != null; ) {
                Session session = s;
                closing.add(CompletableFuture.runAsync(() -> close(session)));
            }
        });
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.FINE, "not every MCP session closed in time", e);
        }
    }

    private void closeLater(Session session) {
        if (closer == null || closed) {
            close(session);
        } else {
            closer.execute(() -> close(session));
        }
    }

    private static void close(Session session) {
        try {
            session.client.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing an MCP session", e);
        }
    }
}
