package dev.jakartamcp.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The person signed in to the chat page through the OpenID Connect code flow, kept in the HTTP
 * session. Only JDK types inside, so a session can later cross a cluster.
 *
 * @param name                 preferred_username, else the subject
 * @param roles                from {@code auth.roles-claim}, of the ID token and of the access token when that is a JWT
 * @param accessTokenExpiresAt null when the provider said nothing about it (then it is never refreshed)
 * @param refreshToken         null when the provider issued none
 */
public record SignedInPerson(String issuer, String subject, String name, Set<String> roles, String accessToken,
                             Instant accessTokenExpiresAt, String refreshToken, String idToken) implements Serializable {

    static final String ATTRIBUTE = SignedInPerson.class.getName();

    public SignedInPerson {
        roles = Set.copyOf(roles);
    }

    /** Who it is, the same string as {@code Caller.signedIn(...).key()}: sessions and conversations belong to it. */
    public String key() {
        return subject + "@" + issuer;
    }

    /** The person signed in on this request's HTTP session, if any. Never creates a session. */
    public static Optional<SignedInPerson> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null
                : session.getAttribute(ATTRIBUTE) instanceof SignedInPerson person ? person : null);
    }

    /** Whether the access token expires within {@code margin} of {@code now}: time to refresh it. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return accessTokenExpiresAt != null && !now.plus(margin).isBefore(accessTokenExpiresAt);
    }

    /** No tokens in logs. */
    @Override
    public String toString() {
        return "SignedInPerson[" + name + ", " + key() + ", roles=" + roles + ", expires " + accessTokenExpiresAt + "]";
    }
}
