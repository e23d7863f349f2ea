package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.mcp.client.auth.StoredToken;
import dev.jakartamcp.mcp.client.auth.TokenStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One person's tokens, as the OAuth client of one server sees them: read from the database once,
 * then from memory (the client asks before every request); every change written through. Another
 * person's rows are out of its reach: the person is part of every key.
 */
final class PersonTokenStore implements TokenStore {

    private static final Optional<StoredToken> ABSENT = Optional.empty();

    private final String person;
    private final SealedTokens database;
    private final Map<String, Optional<StoredToken>> loaded = new ConcurrentHashMap<>();

    PersonTokenStore(String person, SealedTokens database) {
        this.person = person;
        this.database = database;
    }

    @Override
    public Optional<StoredToken> get(String issuer, String resource) {
        return loaded.computeIfAbsent(key(issuer, resource), k -> database.get(person, issuer, resource));
    }

    @Override
    public void put(StoredToken token) {
        loaded.put(key(token.issuer(), token.resource()), Optional.of(token));
        database.put(person, token);
    }

    @Override
    public void remove(String issuer, String resource) {
        loaded.put(key(issuer, resource), ABSENT);
        database.remove(person, issuer, resource);
    }

    private static String key(String issuer, String resource) {
        return issuer + "\n" + resource;
    }
}
