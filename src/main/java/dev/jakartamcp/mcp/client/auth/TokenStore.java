package dev.jakartamcp.mcp.client.auth;

import java.util.Optional;

/**
 * Where tokens live, keyed by issuer and resource; in memory unless the application persists them.
 * A store that outlives the process also keeps the client's identity at each issuer, because a
 * refresh token only works for the client it was issued to.
 */
public interface TokenStore {

    Optional<StoredToken> get(String issuer, String resource);

    void put(StoredToken token);

    void remove(String issuer, String resource);

    /** The client identity this store remembers for an issuer (none unless it persists them). */
    default Optional<ClientIdentity> client(String issuer) {
        return Optional.empty();
    }

    /** Remembers the identity the client used at its issuer; a store that does not persist ignores it. */
    default void putClient(ClientIdentity identity) {
    }
}
