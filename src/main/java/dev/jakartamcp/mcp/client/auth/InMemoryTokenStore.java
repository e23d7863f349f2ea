package dev.jakartamcp.mcp.client.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default store: tokens last as long as the process. */
public final class InMemoryTokenStore implements TokenStore {

    private final Map<String, StoredToken> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredToken> get(String issuer, String resource) {
        return Optional.ofNullable(tokens.get(key(issuer, resource)));
    }

    @Override
    public void put(StoredToken token) {
        tokens.put(key(token.issuer(), token.resource()), token);
    }

    @Override
    public void remove(String issuer, String resource) {
        tokens.remove(key(issuer, resource));
    }

    private static String key(String issuer, String resource) {
        return issuer + "\n" + resource;
    }
}
