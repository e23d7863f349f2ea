package dev.jakartamcp.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Readiness: the application's database answers (users and conversations live there).
 * Created with the application, so its datasource is looked up there: WildFly runs health checks
 * on a management thread, where the application's {@code java:app} names cannot be resolved.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = ApplicationDataSource.NAME)
    DataSource dataSource;

    void createdWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing to do: observing makes CDI create the bean, and inject the datasource, now
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
