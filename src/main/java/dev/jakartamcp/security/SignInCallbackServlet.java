package dev.jakartamcp.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code GET /auth/callback}: where the identity provider sends the browser back (the redirect URI,
 * {@code {app.base-url}/auth/callback}). Checks the state, redeems the code, validates the ID token,
 * keeps the person in a new session id, and sends the browser where it wanted to go.
 * https://openid.net/specs/openid-connect-core-1_0.html#AuthResponseValidation
 */
@WebServlet("/auth/callback")
public class SignInCallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SignInCallbackServlet.class.getName());

    @Inject
    AuthSettings settings;

    @Inject
    OidcClient client;

    @Inject
    PublicUrl publicUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.enabled()) {
            response.sendError(404);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        // RFC 6749, section 10.12: the state binds the answer to the sign-in this browser started, once
        Optional<PendingSignIn> pending = session == null || state == null ? Optional.empty()
                : PendingSignIn.take(session, state, Instant.now());
        if (pending.isEmpty()) {
            AuthPage.expired(response);
            return;
        }
        String error = request.getParameter("error");
        if (error != null) {
            // https://openid.net/specs/openid-connect-core-1_0.html#AuthError (access_denied, login_required, ...)
            String code = errorCode(error);
            LOG.warning(() -> "sign-in refused by the identity provider: " + code);
            AuthPage.accessDenied(response, code);
            return;
        }
        // RFC 9207: an authorization response naming another issuer is a mix-up attack
        String issuer = request.getParameter("iss");
        String code = request.getParameter("code");
        if ((issuer != null && !issuer.equals(settings.issuer().orElseThrow())) || code == null) {
            LOG.warning("sign-in answer without a code or from another issuer");
            AuthPage.accessDenied(response, "invalid_response");
            return;
        }
        try {
            SignedInPerson person = client.redeem(code, pending.get(), settings.redirectUri(request.getLocalPort()));
            request.changeSessionId(); // a session id known before sign-in must not carry the person (session fixation)
            session.setAttribute(SignedInPerson.ATTRIBUTE, person);
            LOG.fine(() -> "signed in: " + person);
        } catch (OidcClient.Refused e) {
            LOG.warning(() -> "sign-in failed: " + e.getMessage());
            AuthPage.accessDenied(response, "the sign-in could not be completed");
            return;
        } catch (IdentityProvider.Unreachable e) {
            LOG.warning(() -> "sign-in failed: " + e.getMessage());
            AuthPage.unreachable(response);
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", ReturnPath.under(publicUrl.base(request.getLocalPort()), pending.get().returnPath()).toString());
    }

    /** Error codes are ASCII words (RFC 6749, section 4.1.2.1); anything else is not repeated back. */
    static String errorCode(String error) {
        return error.matches("[A-Za-z0-9_.-]{1,64}") ? error : "error";
    }
}
