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
import java.sql.Statement;

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
        // a real round trip rather than Connection.isValid: a failed statement is what tells a pool
        // (WildFly's, for a datasource the application defines) that the connection is dead, so the
        // check is UP again once the database is back instead of meeting the same dead connection
        try (Connection connection = dataSource.getConnection(); Statement probe = connection.createStatement()) {
            probe.setQueryTimeout(2);
            probe.execute("SELECT 1");
            return HealthCheckResponse.named("database").up().build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
