package dev.jakartamcp.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Which LLM the agent talks to. {@code openai}: POST {endpoint}/chat/completions with a Bearer
 * token (OpenAI, Ollama, vLLM, llama.cpp). {@code azure}: POST
 * {endpoint}/openai/deployments/{model}/chat/completions?api-version=... with an Api-Key header
 * (Azure OpenAI, EPAM DIAL).
 */
@ApplicationScoped
public class LlmSettings {

    @Inject
    @ConfigProperty(name = "agent.llm.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "agent.llm.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "agent.llm.model", defaultValue = "gpt-4o-mini")
    String model;

    @Inject
    @ConfigProperty(name = "agent.llm.flavor", defaultValue = "openai")
    String flavor;

    @Inject
    @ConfigProperty(name = "agent.llm.api-version", defaultValue = "2024-10-21")
    String apiVersion;

    @Inject
    @ConfigProperty(name = "agent.llm.timeout-seconds", defaultValue = "120")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "agent.llm.read-timeout-seconds", defaultValue = "60")
    long readTimeoutSeconds;

    public boolean configured() {
        return endpoint.filter(e -> !e.isBlank()).isPresent();
    }

    public LlmClient.Settings toClientSettings() {
        return new LlmClient.Settings(endpoint.orElse(""), apiKey.orElse(""), model, flavor, apiVersion,
                java.time.Duration.ofSeconds(timeoutSeconds), java.time.Duration.ofSeconds(readTimeoutSeconds));
    }
}
