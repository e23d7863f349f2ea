package dev.jakartamcp.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The application's one {@link HttpClient} for the LLM and the MCP servers the agent and the tools
 * console talk to: one connection pool and one selector thread, instead of new ones per message.
 */
@ApplicationScoped
public class AgentHttpClient {

    // HTTP/1.1: no h2c upgrade dance with servers that only speak 1.1
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Dependent, so it can be injected as the plain type; every injection point gets the same client. */
    @Produces
    HttpClient httpClient() {
        return http;
    }
}
