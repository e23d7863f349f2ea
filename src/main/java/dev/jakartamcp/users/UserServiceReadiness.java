package dev.jakartamcp.users;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readiness of the user tools: DOWN while a circuit breaker of {@link UserGateway} is open, i.e.
 * for the breaker's delay after a call was refused because of it, until a call succeeds again.
 * MicroProfile Fault Tolerance has no API for a breaker's state, so it is read from what the
 * calls answer ({@link UserToolFailures}). Served at /health/ready (Payara: the application's port;
 * WildFly: the management port).
 */
@Readiness
@ApplicationScoped
public class UserServiceReadiness implements HealthCheck {

    /** The breakers' delay in {@link UserGateway}. */
    static final Duration BREAKER_DELAY = Duration.ofSeconds(10);

    /** System.nanoTime() until which a breaker counts as open; 0 when none was seen open. */
    private static final AtomicLong OPEN_UNTIL = new AtomicLong();

    static void callRefusedByOpenCircuit() {
        OPEN_UNTIL.set(Math.max(1, System.nanoTime() + BREAKER_DELAY.toNanos()));
    }

    static void callSucceeded() {
        if (OPEN_UNTIL.get() != 0) {
            OPEN_UNTIL.set(0);
        }
    }

    static boolean circuitOpen() {
        long until = OPEN_UNTIL.get();
        return until != 0 && System.nanoTime() - until < 0;
    }

    @Override
    public HealthCheckResponse call() {
        boolean open = circuitOpen();
        return HealthCheckResponse.named("user-service").status(!open)
                .withData("circuit", open ? "open" : "closed").build();
    }
}
