package dev.jakartamcp.cluster;

import java.time.Duration;
import java.util.Optional;

/** A map of strings that every node of the {@link Grid} sees; entries may expire. */
public interface SharedMap {

    /**
     * Stores {@code value} unless the key is present, atomically across the grid.
     *
     * @param ttl how long the entry lives; null: until removed
     * @return the value already present, or empty when this call stored its own
     */
    Optional<String> putIfAbsent(String key, String value, Duration ttl);

    Optional<String> get(String key);

    void remove(String key);

    /** Entries this map holds (on this node, for a local map), for limits and diagnostics. */
    int size();
}
