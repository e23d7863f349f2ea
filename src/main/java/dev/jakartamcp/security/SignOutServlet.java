package dev.jakartamcp.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code POST /auth/logout}, from our own page only: ends the HTTP session, then sends the browser
 * to the provider's end_session_endpoint so its session ends too (RP-initiated logout), and back to
 * the chat. GET is 405: a link or an image on another site cannot sign anyone out.
 */
@WebServlet("/auth/logout")
public class SignOutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());

    @Inject
    AuthSettings settings;

    @Inject
    OidcClient client;

    @Inject
    PublicUrl publicUrl;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.enabled()) {
            response.sendError(404);
            return;
        }
        if (!SameOrigin.fromOurPage(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                origin -> SameOrigin.same(publicUrl.base(request.getLocalPort()), origin))) {
            AuthPage.write(response, 403, "Not signed out", "Signing out is only possible from this application's own page.");
            return;
        }
        Optional<SignedInPerson> person = SignedInPerson.of(request);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        URI back = settings.postLogoutUri(request.getLocalPort());
        URI to = back;
        if (person.isPresent()) {
            try {
                to = client.logoutUri(person.get(), back);
            } catch (IdentityProvider.Unreachable e) {
                // signed out here; the provider's session outlives this one
                LOG.warning(() -> "signed out without ending the identity provider's session: " + e.getMessage());
            }
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(303);
        response.setHeader("Location", to.toString());
    }
}
