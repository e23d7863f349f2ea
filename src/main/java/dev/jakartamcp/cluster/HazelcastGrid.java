package dev.jakartamcp.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Grid} of Payara Micro's Hazelcast: IMaps of strings. Only {@link Grids} creates it,
 * by reflection and only once the grid was found, so a server without Hazelcast (WildFly) never
 * loads this class.
 */
final class HazelcastGrid implements Grid {

    private final HazelcastInstance hazelcast;

    HazelcastGrid(Object hazelcast) {
        this.hazelcast = (HazelcastInstance) hazelcast;
    }

    /** Whether the instance JNDI handed out is a running member (with --nocluster it is not). */
    static boolean running(Object instance) {
        return instance instanceof HazelcastInstance h && h.getLifecycleService().isRunning();
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public SharedMap map(String name) {
        IMap<String, String> map = hazelcast.getMap(name);
        return new SharedMap() {
            @Override
            public Optional<String> putIfAbsent(String key, String value, Duration ttl) {
                String present = ttl == null ? map.putIfAbsent(key, value)
                        : map.putIfAbsent(key, value, Math.max(1, ttl.toMillis()), TimeUnit.MILLISECONDS);
                return Optional.ofNullable(present);
            }

            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void remove(String key) {
                map.delete(key);
            }

            @Override
            public int size() {
                return map.size();
            }
        };
    }

    @Override
    public String describe() {
        return "Hazelcast grid " + hazelcast.getName() + " with " + hazelcast.getCluster().getMembers().size() + " member(s)";
    }
}
