package dev.jakartamcp.agent;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;

/**
 * The agent's own bounded executors, declared portably (Jakarta Concurrency 3.0), so chat turns,
 * LLM streams and tool calls never take threads from the default executor that the MCP server and
 * fault tolerance share, nor from each other: a turn waits on its LLM stream and its tool calls, so
 * they must never queue behind turns in the same pool.
 */
@ManagedExecutorDefinition(name = AgentExecutors.TURNS, maxAsync = 16)
@ManagedExecutorDefinition(name = AgentExecutors.LLM, maxAsync = 16)
@ManagedExecutorDefinition(name = AgentExecutors.TOOLS, maxAsync = 32)
public final class AgentExecutors {

    /** One thread per running chat turn. */
    public static final String TURNS = "java:app/concurrent/chatTurns";
    /** One thread per LLM stream being read. */
    public static final String LLM = "java:app/concurrent/agentLlm";
    /** One thread per MCP tool call the agent makes. */
    public static final String TOOLS = "java:app/concurrent/agentTools";

    private AgentExecutors() {
    }
}
