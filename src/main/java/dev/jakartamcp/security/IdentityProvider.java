package dev.jakartamcp.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * The configured OpenID provider: its discovery document (OpenID Connect Discovery 1.0, which
 * also checks that the document's issuer is the configured one) and its signing keys, fetched on
 * first use and cached. The key set is refreshed when a token names an unknown {@code kid}, so the
 * provider can rotate keys. While the provider is unreachable, discovery is retried at most every
 * few seconds, so a storm of requests does not become a storm against it.
 */
@ApplicationScoped
public class IdentityProvider {

    /** The provider could not be reached or answered nonsense. */
    public static class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger LOG = Logger.getLogger(IdentityProvider.class.getName());
    private static final long RETRY_AFTER_FAILURE_MILLIS = 5_000;

    @Inject
    AuthSettings settings;

    private volatile OIDCProviderMetadata metadata;
    private volatile JWKSource<SecurityContext> keys;
    private volatile long failedAt;
    private volatile Unreachable lastFailure;

    public OIDCProviderMetadata metadata() {
        OIDCProviderMetadata known = metadata;
        return known != null ? known : discover();
    }

    public JWKSource<SecurityContext> keys() {
        metadata();
        return keys;
    }

    private synchronized OIDCProviderMetadata discover() {
        if (metadata != null) {
            return metadata;
        }
        if (lastFailure != null && System.currentTimeMillis() - failedAt < RETRY_AFTER_FAILURE_MILLIS) {
            throw lastFailure;
        }
        String issuer = settings.issuer().orElseThrow(() -> new IllegalStateException("auth.issuer is not set"));
        try {
            OIDCProviderMetadata found = OIDCProviderMetadata.resolve(new Issuer(issuer), settings.connectTimeoutMillis(), settings.readTimeoutMillis());
            keys = JWKSourceBuilder.create(found.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever(settings.connectTimeoutMillis(), settings.readTimeoutMillis(), 512 * 1024))
                    .build();
            metadata = found;
            lastFailure = null;
            return found;
        } catch (GeneralException | IOException | RuntimeException e) {
            failedAt = System.currentTimeMillis();
            // one line per retry window, without a stack trace: this is the provider's trouble, not ours
            LOG.warning("identity provider " + issuer + " unreachable or unusable: " + e);
            lastFailure = new Unreachable("The identity provider " + issuer + " is unreachable or its discovery document is unusable: "
                    + e.getMessage(), e);
            throw lastFailure;
        }
    }
}
