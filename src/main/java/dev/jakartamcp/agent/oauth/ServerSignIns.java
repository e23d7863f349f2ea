package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.mcp.client.auth.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth clients the agent uses for the people it acts for, one per person and server, so a
 * server's metadata is discovered and a client registered once per person rather than per MCP
 * session. At most {@link #MAX_CACHED}; beyond it the cache starts over (the tokens stay in the
 * database, so nobody signs in again for it).
 */
@ApplicationScoped
public class ServerSignIns {

    static final int MAX_CACHED = 10_000;

    @Inject
    SealedTokens tokens;

    @Inject
    SignInSettings settings;

    @Inject
    HttpClient http;

    private final Map<String, ServerSignIn> byPersonAndServer = new ConcurrentHashMap<>();

    /**
     * @param person    the person's key; null when identity is off (then everyone using this instance is one person)
     * @param server    the server's name in agent.mcp.servers
     * @param localPort this server's port, for the default base URL of the redirect URI
     */
    public ServerSignIn of(String person, String server, String url, int localPort) {
        String key = person + "\n" + server + "\n" + url;
        ServerSignIn known = byPersonAndServer.get(key);
        if (known != null) {
            return known;
        }
        if (byPersonAndServer.size() >= MAX_CACHED) {
            byPersonAndServer.clear();
        }
        return byPersonAndServer.computeIfAbsent(key, k -> create(person, server, url, localPort));
    }

    private ServerSignIn create(String person, String server, String url, int localPort) {
        URI redirect = settings.redirectUri(localPort);
        OAuthClient.Builder builder = OAuthClient.builder(url).httpClient(http).clientName(settings.clientName())
                .tokenStore(new PersonTokenStore(person == null ? "" : person, tokens));
        settings.clientId(server).ifPresent(id -> builder.client(id, settings.clientSecret(server).orElse(null)));
        settings.clientMetadataUrl().ifPresent(builder::clientMetadataUrl);
        return new ServerSignIn(person, server, builder, redirect);
    }
}
