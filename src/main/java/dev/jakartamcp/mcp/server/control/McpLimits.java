package dev.jakartamcp.mcp.server.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every bound on what a client can make the server keep or do: bytes, threads, waiting requests and
 * rates. Each key can be overridden by its environment variable (MP Config); the README lists them.
 */
@ApplicationScoped
public class McpLimits {

    @Inject
    @ConfigProperty(name = "mcp.json.max-depth", defaultValue = "64")
    int jsonMaxDepth;

    @Inject
    @ConfigProperty(name = "mcp.batch.max-messages", defaultValue = "64")
    int batchMaxMessages;

    @Inject
    @ConfigProperty(name = "mcp.initialize.max-client-bytes", defaultValue = "16384")
    int initializeMaxClientBytes;

    @Inject
    @ConfigProperty(name = "mcp.session.max-subscriptions", defaultValue = "256")
    int maxSubscriptions;

    @Inject
    @ConfigProperty(name = "mcp.uri.max-length", defaultValue = "2048")
    int uriMaxLength;

    @Inject
    @ConfigProperty(name = "mcp.session.max-concurrent-requests", defaultValue = "16")
    int maxConcurrentRequests;

    @Inject
    @ConfigProperty(name = "mcp.session.max-pending-client-requests", defaultValue = "8")
    int maxPendingClientRequests;

    @Inject
    @ConfigProperty(name = "mcp.session.max-per-client", defaultValue = "1000")
    int maxSessionsPerClient;

    @Inject
    @ConfigProperty(name = "mcp.rate.requests-per-second", defaultValue = "200")
    double requestsPerSecond;

    @Inject
    @ConfigProperty(name = "mcp.rate.requests-burst", defaultValue = "400")
    double requestsBurst;

    @Inject
    @ConfigProperty(name = "mcp.rate.sessions-per-second", defaultValue = "20")
    double sessionsPerSecond;

    @Inject
    @ConfigProperty(name = "mcp.rate.sessions-burst", defaultValue = "200")
    double sessionsBurst;

    @Inject
    @ConfigProperty(name = "mcp.stream.replay.max-stream-bytes", defaultValue = "1048576")
    long replayStreamBytes;

    @Inject
    @ConfigProperty(name = "mcp.stream.replay.max-session-bytes", defaultValue = "4194304")
    long replaySessionBytes;

    @Inject
    @ConfigProperty(name = "mcp.stream.replay.max-total-bytes", defaultValue = "268435456")
    long replayTotalBytes;

    @Inject
    @ConfigProperty(name = "mcp.stream.completed-retention-seconds", defaultValue = "60")
    long completedRetentionSeconds;

    @Inject
    @ConfigProperty(name = "mcp.stream.connection-queue-bytes", defaultValue = "1048576")
    long connectionQueueBytes;

    @Inject
    @ConfigProperty(name = "mcp.tools.threads", defaultValue = "64")
    int toolThreads;

    @Inject
    @ConfigProperty(name = "mcp.tools.queue", defaultValue = "256")
    int toolQueue;

    @Inject
    @ConfigProperty(name = "mcp.stream.writer-threads", defaultValue = "16")
    int writerThreads;

    @Inject
    @ConfigProperty(name = "mcp.tools.inline-non-blocking", defaultValue = "true")
    boolean inlineNonBlocking;

    /** Whether tools that neither block nor stream run on the request thread instead of the tool pool. */
    public boolean inlineNonBlocking() {
        return inlineNonBlocking;
    }

    public int jsonMaxDepth() {
        return Math.max(2, jsonMaxDepth);
    }

    public int batchMaxMessages() {
        return Math.max(1, batchMaxMessages);
    }

    public int initializeMaxClientBytes() {
        return initializeMaxClientBytes;
    }

    public int maxSubscriptions() {
        return maxSubscriptions;
    }

    public int uriMaxLength() {
        return uriMaxLength;
    }

    public int maxConcurrentRequests() {
        return Math.max(1, maxConcurrentRequests);
    }

    public int maxPendingClientRequests() {
        return Math.max(1, maxPendingClientRequests);
    }

    public int maxSessionsPerClient() {
        return Math.max(1, maxSessionsPerClient);
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    public double requestsBurst() {
        return requestsBurst;
    }

    public double sessionsPerSecond() {
        return sessionsPerSecond;
    }

    public double sessionsBurst() {
        return sessionsBurst;
    }

    public ReplayBudget.Limits replay() {
        return new ReplayBudget.Limits(replayStreamBytes, replaySessionBytes, replayTotalBytes, completedRetentionSeconds * 1000);
    }

    public long connectionQueueBytes() {
        return connectionQueueBytes;
    }

    public int toolThreads() {
        return Math.max(1, toolThreads);
    }

    public int toolQueue() {
        return Math.max(0, toolQueue);
    }

    public int writerThreads() {
        return Math.max(1, writerThreads);
    }
}
