package dev.jakartamcp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The application's public base URL ({@code app.base-url}), e.g. https://mcp.example.com behind a
 * TLS-terminating proxy. What is built from it (redirect and logout URIs, the resource metadata
 * URL, the default resource identifier) is never guessed from a request's Host header.
 * Unset: http://localhost on this server's own HTTP port.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "app.base-url")
    Optional<String> baseUrl;

    /** The configured base URL, or empty when it is the local default. */
    public Optional<URI> configured() {
        return baseUrl.map(String::trim).filter(s -> !s.isEmpty()).map(PublicUrl::withSlash).map(URI::create);
    }

    /** The base URL ending in "/"; {@code localPort} is the port this server accepted the request on. */
    public URI base(int localPort) {
        return configured().orElseGet(() -> URI.create("http://localhost:" + localPort + "/"));
    }

    /** The host name the application is reached by, lower case; "localhost" by default. */
    public String host() {
        return configured().map(URI::getHost).map(h -> h.toLowerCase(Locale.ROOT)).orElse("localhost");
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
