package dev.jakartamcp.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * Without {@code auth.issuer} the application has no authentication mechanism at all. A mechanism
 * that only says "nothing to do" still sends every request through the server's Jakarta
 * Authentication machinery, which the benchmark showed to halve tools/call throughput; with no
 * mechanism bean the server skips it. Decided once, at deployment, like the setting itself.
 */
public class IdentitySwitch implements Extension {

    private static final Logger LOG = Logger.getLogger(IdentitySwitch.class.getName());

    void mechanismOnlyWithIdentity(@Observes ProcessAnnotatedType<AppAuthenticationMechanism> type) {
        boolean identity = ConfigProvider.getConfig().getOptionalValue("auth.issuer", String.class)
                .filter(issuer -> !issuer.isBlank()).isPresent();
        if (!identity) {
            type.veto();
            LOG.info("auth.issuer is not set: no identity, no authentication mechanism (development mode)");
        }
    }
}
