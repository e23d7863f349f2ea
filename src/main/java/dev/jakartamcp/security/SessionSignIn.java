package dev.jakartamcp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The mechanism's page half: the person signed in on the HTTP session, with an access token that is
 * refreshed (refresh token grant) when it expires within {@code auth.refresh-before-seconds}. A
 * refresh the provider refuses signs the person out; while the provider is unreachable the person
 * stays until the access token has expired.
 */
@ApplicationScoped
public class SessionSignIn {

    private static final Logger LOG = Logger.getLogger(SessionSignIn.class.getName());

    /** Requests of one session refresh one at a time: a rotated refresh token works only once. */
    private final Object[] locks = new Object[64];

    @Inject
    AuthSettings settings;

    @Inject
    OidcClient client;

    public SessionSignIn() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The person on this request, refreshed when due; empty when nobody is (or is no longer) signed in. */
    Optional<SignedInPerson> current(HttpServletRequest request) {
        Optional<SignedInPerson> found = SignedInPerson.of(request);
        if (found.isEmpty() || !found.get().expiresWithin(settings.refreshBefore(), Instant.now())) {
            return found;
        }
        HttpSession session = request.getSession(false);
        try {
            synchronized (locks[Math.floorMod(found.get().key().hashCode(), locks.length)]) {
                return refreshIfDue(request, session);
            }
        } catch (IllegalStateException e) {
            return Optional.empty(); // the session was invalidated meanwhile (sign-out)
        }
    }

    private Optional<SignedInPerson> refreshIfDue(HttpServletRequest request, HttpSession session) {
        Optional<SignedInPerson> now = SignedInPerson.of(request); // another request may have refreshed it
        if (now.isEmpty() || !now.get().expiresWithin(settings.refreshBefore(), Instant.now())) {
            return now;
        }
        SignedInPerson person = now.get();
        try {
            SignedInPerson refreshed = client.refresh(person);
            session.setAttribute(SignedInPerson.ATTRIBUTE, refreshed);
            return Optional.of(refreshed);
        } catch (OidcClient.Refused e) {
            LOG.info(() -> person.name() + " is signed out: " + e.getMessage());
            session.removeAttribute(SignedInPerson.ATTRIBUTE);
            return Optional.empty();
        } catch (IdentityProvider.Unreachable e) {
            if (person.expiresWithin(java.time.Duration.ZERO, Instant.now())) {
                LOG.warning(() -> person.name() + " is signed out: the access token expired and " + e.getMessage());
                session.removeAttribute(SignedInPerson.ATTRIBUTE);
                return Optional.empty();
            }
            LOG.warning(() -> "refresh postponed for " + person.name() + ": " + e.getMessage());
            return now;
        }
    }
}
