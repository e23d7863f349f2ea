package dev.jakartamcp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The identity settings (README, "Signing in with your identity provider"). Without
 * {@code auth.issuer} there is no identity at all: development mode, loopback only.
 */
@ApplicationScoped
public class AuthSettings {

    /** The scopes of the MCP resource: what a token may do with the user tools. */
    public static final String READ = "users:read";
    public static final String WRITE = "users:write";
    public static final String DELETE = "users:delete";

    @Inject
    @ConfigProperty(name = "auth.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "auth.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "auth.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "auth.resource")
    Optional<String> resource;

    @Inject
    @ConfigProperty(name = "auth.roles-claim", defaultValue = "groups")
    String rolesClaim;

    /** Allowed clock difference between us and the identity provider for exp, nbf and iat. */
    @Inject
    @ConfigProperty(name = "auth.clock-skew-seconds", defaultValue = "60")
    int clockSkewSeconds;

    /** What the chat page asks for at sign-in; the agent gets its MCP token by token exchange, not from these. */
    @Inject
    @ConfigProperty(name = "auth.scopes", defaultValue = "openid profile email")
    String scopes;

    /** The chat's access token is refreshed when it expires within this many seconds. */
    @Inject
    @ConfigProperty(name = "auth.refresh-before-seconds", defaultValue = "60")
    long refreshBeforeSeconds;

    /** Calls to the identity provider (discovery, keys, token endpoint); past them it counts as unreachable. */
    @Inject
    @ConfigProperty(name = "auth.http.connect-timeout-millis", defaultValue = "2000")
    int connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "auth.http.read-timeout-millis", defaultValue = "5000")
    int readTimeoutMillis;

    @Inject
    PublicUrl publicUrl;

    public boolean enabled() {
        return issuer().isPresent();
    }

    public Optional<String> issuer() {
        return issuer.map(String::trim).filter(s -> !s.isEmpty()).map(AuthSettings::withoutTrailingSlash);
    }

    public String clientId() {
        return clientId.map(String::trim).orElse("");
    }

    public String clientSecret() {
        return clientSecret.orElse("");
    }

    /** RFC 8707: the audience our tokens must carry. Default {@code {app.base-url}/mcp}. */
    public String resource(int localPort) {
        return resource.map(String::trim).filter(s -> !s.isEmpty())
                .orElseGet(() -> publicUrl.base(localPort).resolve("mcp").toString());
    }

    /** Where the RFC 9728 metadata of the resource is, by the path-suffix rule of RFC 9728, section 3.1. */
    public String resourceMetadataUrl(int localPort) {
        URI resourceUri = URI.create(resource(localPort));
        String path = resourceUri.getRawPath() == null ? "" : resourceUri.getRawPath();
        return publicUrl.base(localPort).resolve("/.well-known/oauth-protected-resource" + withoutTrailingSlash(path)).toString();
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    /** The sign-in scopes, always with {@code openid} (OpenID Connect Core 1.0, section 3.1.2.1). */
    public String scopes() {
        String configured = scopes == null ? "" : scopes.trim();
        return java.util.Arrays.asList(configured.split("\\s+")).contains("openid") ? configured : ("openid " + configured).trim();
    }

    public java.time.Duration refreshBefore() {
        return java.time.Duration.ofSeconds(Math.max(0, refreshBeforeSeconds));
    }

    /** Where the identity provider sends the person back after sign-in: always from {@code app.base-url}. */
    public URI redirectUri(int localPort) {
        return publicUrl.base(localPort).resolve("auth/callback");
    }

    /** Where the identity provider sends the person after signing out. */
    public URI postLogoutUri(int localPort) {
        return publicUrl.base(localPort);
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    public int clockSkewSeconds() {
        return clockSkewSeconds;
    }

    private static String withoutTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
