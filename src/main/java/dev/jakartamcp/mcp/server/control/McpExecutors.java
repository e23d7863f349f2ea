package dev.jakartamcp.mcp.server.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own thread pools, apart from the server's default executor (which fault tolerance,
 * chat turns and the agent use): one for tool calls, one for writing SSE connections. Both are
 * plain bounded {@link ThreadPoolExecutor}s over the container's {@link ManagedThreadFactory}, so
 * their threads are container-managed on every server, and their bounds (threads and queue) are
 * exactly what is configured: a server's default executor may have an unbounded queue.
 */
@ApplicationScoped
public class McpExecutors {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    McpLimits limits;

    private ThreadPoolExecutor tools;
    private ThreadPoolExecutor writers;
    private Semaphore toolSlots;

    @PostConstruct
    void start() {
        tools = pool(limits.toolThreads(), Math.max(1, limits.toolQueue()));
        writers = pool(limits.writerThreads(), 100_000);
        toolSlots = new Semaphore(limits.toolThreads() + limits.toolQueue());
    }

    private ThreadPoolExecutor pool(int size, int queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @PreDestroy
    void stop() {
        tools.shutdownNow();
        writers.shutdown();
    }

    /**
     * Reserves a place for one tool call, running or queued; false when every place is taken.
     * A reserved call is never rejected by {@link #runTool}.
     */
    public boolean reserveTool() {
        return toolSlots.tryAcquire();
    }

    /** Gives back a reservation that will not run. */
    public void unreserveTool() {
        toolSlots.release();
    }

    /** Runs a call that holds a reservation; the reservation ends with it. */
    public void runTool(Runnable call) {
        try {
            tools.execute(() -> {
                try {
                    call.run();
                } finally {
                    toolSlots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            toolSlots.release(); // only while shutting down
            throw e;
        }
    }

    /** Tool calls running or queued. */
    public int toolCalls() {
        return tools.getActiveCount() + tools.getQueue().size();
    }

    /** Where SSE connections are written, one drain task per connection at a time. */
    public ExecutorService writers() {
        return writers;
    }
}
