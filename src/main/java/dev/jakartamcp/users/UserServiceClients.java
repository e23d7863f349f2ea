package dev.jakartamcp.users;

import dev.jakartamcp.security.ServiceCredential;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds the REST client once. Its URL is {@code users/mp-rest/url} (env {@code USERS_MP_REST_URL})
 * when set, which is how it is pointed at the upstream mockuserservice; otherwise the embedded
 * service on this server's own port, which only a request can tell us.
 */
@ApplicationScoped
public class UserServiceClients {

    @Inject
    @ConfigProperty(name = "users/mp-rest/url")
    Optional<String> configuredUrl;

    @Inject
    @ConfigProperty(name = "users/mp-rest/connectTimeout", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "users/mp-rest/readTimeout", defaultValue = "5000")
    long readTimeoutMillis;

    @Inject
    ServiceCredential credential;

    private volatile UserServiceClient client;

    public UserServiceClient get() {
        UserServiceClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build(baseUri());
                }
                current = client;
            }
        }
        return current;
    }

    URI baseUri() {
        if (configuredUrl.isPresent() && !configuredUrl.get().isBlank()) {
            return URI.create(configuredUrl.get());
        }
        URI local = LocalServerAddress.base();
        if (local == null) {
            throw new UserServiceException.Unavailable("the embedded user service's address is not known yet");
        }
        return local;
    }

    private UserServiceClient build(URI base) {
        RestClientBuilder builder = RestClientBuilder.newBuilder();
        if (configuredUrl.isEmpty() || configuredUrl.get().isBlank()) {
            // the embedded service, closed to anonymous callers when identity is on; an upstream one never sees the secret
            String secret = credential.value();
            builder.register((ClientRequestFilter) request -> request.getHeaders().putSingle(ServiceCredential.HEADER, secret));
        }
        return builder
                .baseUri(base)
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .build(UserServiceClient.class);
    }
}
