package dev.jakartamcp.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Chooses the {@link Grid} once: Payara Micro's Hazelcast (JNDI {@code payara/Hazelcast}) when this
 * node is a running member of one, else this node's memory. The one place the platforms differ.
 */
@ApplicationScoped
public class Grids {

    static final String PAYARA_HAZELCAST = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(Grids.class.getName());

    @Produces
    @ApplicationScoped
    Grid grid() {
        Grid grid = find();
        LOG.info(() -> "shared state: " + grid.describe());
        return grid;
    }

    private static Grid find() {
        Object instance;
        try {
            instance = new InitialContext().lookup(PAYARA_HAZELCAST);
        } catch (NamingException | RuntimeException absent) {
            return new LocalGrid(Clock.systemUTC());
        }
        if (instance == null || !instance.getClass().getName().startsWith("com.hazelcast")) {
            return new LocalGrid(Clock.systemUTC());
        }
        try {
            // by reflection: only here, on Payara with a grid, is HazelcastGrid (and Hazelcast's API) loaded
            Class<?> type = Class.forName("dev.jakartamcp.cluster.HazelcastGrid", true, Grids.class.getClassLoader());
            if (!(Boolean) type.getDeclaredMethod("running", Object.class).invoke(null, instance)) {
                return new LocalGrid(Clock.systemUTC());
            }
            var constructor = type.getDeclaredConstructor(Object.class);
            constructor.setAccessible(true);
            return (Grid) constructor.newInstance(instance);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warning("Payara's data grid is there but cannot be used (" + e + "); sharing nothing with other nodes");
            return new LocalGrid(Clock.systemUTC());
        }
    }
}
