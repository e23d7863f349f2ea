package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.security.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * How the agent signs a person in to OAuth-protected MCP servers (README, "Signing in to MCP
 * servers from the chat"): the redirect URI built from {@code app.base-url}, never from a request's
 * Host; the client identity per server ({@code agent.mcp.servers.<name>.oauth.client-id} and
 * {@code .client-secret}, else a Client ID Metadata Document URL or dynamic registration, as the
 * OAuth client decides); and the bounds on sign-ins waiting for a person.
 */
@ApplicationScoped
public class SignInSettings {

    /** The callback path under the application's base URL. */
    public static final String CALLBACK = "agent/oauth/callback";

    @Inject
    PublicUrl publicUrl;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "agent.oauth.client-metadata-url")
    Optional<String> clientMetadataUrl;

    @Inject
    @ConfigProperty(name = "agent.oauth.client-name", defaultValue = "jakarta-mcp agent")
    String clientName;

    /** The redirect URI registered at the authorization servers; {@code localPort} only for the default base URL. */
    public URI redirectUri(int localPort) {
        return publicUrl.base(localPort).resolve(CALLBACK);
    }

    /** Pre-registered client id for one configured server, if any. */
    public Optional<String> clientId(String server) {
        return config.getOptionalValue("agent.mcp.servers." + server + ".oauth.client-id", String.class).filter(s -> !s.isBlank());
    }

    public Optional<String> clientSecret(String server) {
        return config.getOptionalValue("agent.mcp.servers." + server + ".oauth.client-secret", String.class).filter(s -> !s.isBlank());
    }

    public Optional<String> clientMetadataUrl() {
        return clientMetadataUrl.filter(s -> !s.isBlank());
    }

    public String clientName() {
        return clientName;
    }
}
