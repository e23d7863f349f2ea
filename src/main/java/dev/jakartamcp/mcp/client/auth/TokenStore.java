package dev.jakartamcp.mcp.client.auth;

import java.util.Optional;

/** Where tokens live, keyed by issuer and resource; in memory unless the application persists them. */
public interface TokenStore {

    Optional<StoredToken> get(String issuer, String resource);

    void put(StoredToken token);

    void remove(String issuer, String resource);
}
