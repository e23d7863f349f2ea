package dev.jakartamcp.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.logging.Logger;

/**
 * {@code GET /auth/login[?return=/local/path]}: starts the OpenID Connect code flow and sends the
 * browser to the identity provider. 404 while identity is off.
 */
@WebServlet("/auth/login")
public class SignInServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SignInServlet.class.getName());

    @Inject
    AuthSettings settings;

    @Inject
    OidcClient client;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.enabled()) {
            response.sendError(404);
            return;
        }
        PendingSignIn pending = PendingSignIn.start(ReturnPath.localOrRoot(request.getParameter("return")));
        URI to;
        try {
            to = client.authorizationUri(pending, settings.redirectUri(request.getLocalPort()));
        } catch (IdentityProvider.Unreachable e) {
            LOG.warning(() -> "sign-in impossible: " + e.getMessage());
            AuthPage.unreachable(response);
            return;
        }
        pending.keepIn(request.getSession(true));
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(to.toString());
    }
}
