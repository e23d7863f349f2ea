package dev.jakartamcp.mcp.server.control;

import java.util.Set;

/**
 * Who sends a request to an MCP server, and what their token lets them do there. Decided by the
 * security feature before the engine sees the request.
 *
 * @param key    who it is, stable across tokens: issuer and subject when signed in, else the remote
 *               address; sessions belong to it and per-client quotas count by it
 * @param name   a readable name for logs (preferred_username), or null
 * @param scopes the token's scopes
 * @param signedIn false when identity is off (or the server is open): then no scope is required
 */
public record Caller(String key, String name, Set<String> scopes, boolean signedIn) {

    public static final String ATTRIBUTE = Caller.class.getName();

    /** Anyone on an open server: allowed everything, known only by address. */
    public static Caller anonymous(String remoteAddress) {
        return new Caller(remoteAddress, null, Set.of(), false);
    }

    public static Caller signedIn(String issuer, String subject, String name, Set<String> scopes) {
        return new Caller(subject + "@" + issuer, name, Set.copyOf(scopes), true);
    }

    /** Whether the caller may use something that needs {@code scope} (null: needs none). */
    public boolean mayUse(String scope) {
        return !signedIn || scope == null || scopes.contains(scope);
    }

    /** The principal for the audit log: null when nobody is signed in. */
    public String principal() {
        return signedIn ? (name == null ? key : name + " (" + key + ")") : null;
    }
}
