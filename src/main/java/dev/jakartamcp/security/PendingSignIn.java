package dev.jakartamcp.security;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sign-in on its way through the identity provider: state (CSRF), nonce (ID token replay) and the
 * PKCE verifier, each from Nimbus's SecureRandom, kept in the HTTP session and used once. A few may
 * wait at once (several tabs); the oldest leave first, and none lives longer than ten minutes.
 * https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 * https://datatracker.ietf.org/doc/html/rfc7636#section-4.1
 */
record PendingSignIn(String state, String nonce, String codeVerifier, String returnPath, Instant startedAt)
        implements Serializable {

    static final String ATTRIBUTE = PendingSignIn.class.getName();
    static final int MAX_PENDING = 5;
    static final Duration LIFETIME = Duration.ofMinutes(10);

    static PendingSignIn start(String returnPath) {
        return new PendingSignIn(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(),
                returnPath, Instant.now());
    }

    /** Keeps it in the session (a new map each time: a replicated session sees every change). */
    void keepIn(HttpSession session) {
        Map<String, PendingSignIn> pending = new LinkedHashMap<>(pending(session));
        pending.put(state, this);
        while (pending.size() > MAX_PENDING) {
            pending.remove(pending.keySet().iterator().next());
        }
        session.setAttribute(ATTRIBUTE, pending);
    }

    /** The sign-in that {@code state} names, removed from the session: a state works once. */
    static Optional<PendingSignIn> take(HttpSession session, String state, Instant now) {
        Map<String, PendingSignIn> pending = new LinkedHashMap<>(pending(session));
        PendingSignIn found = pending.remove(state);
        session.setAttribute(ATTRIBUTE, pending);
        return Optional.ofNullable(found).filter(p -> p.startedAt.plus(LIFETIME).isAfter(now));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PendingSignIn> pending(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Map<?, ?> map ? (Map<String, PendingSignIn>) map : Map.of();
    }
}
