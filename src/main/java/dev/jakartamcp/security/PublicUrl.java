package dev.jakartamcp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The application's public base URL ({@code app.base-url}), e.g. https://mcp.example.com behind a
 * TLS-terminating proxy. What is built from it is never guessed from a request's Host header.
 * Unset: http://localhost on this server's own port.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "app.base-url")
    Optional<String> baseUrl;

    /** The configured base URL, or empty when it is the local default. */
    public Optional<URI> configured() {
        return baseUrl.map(String::trim).filter(s -> !s.isEmpty()).map(URI::create);
    }

    /** The host name the application is reached by, lower case; "localhost" by default. */
    public String host() {
        return configured().map(URI::getHost).map(h -> h.toLowerCase(Locale.ROOT)).orElse("localhost");
    }
}
