package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.security.AuthPage;
import dev.jakartamcp.security.AuthSettings;
import dev.jakartamcp.security.SignedInPerson;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;

/**
 * Where an MCP server's authorization server sends the person back ({@code {app.base-url}/agent/oauth/callback}):
 * hands the redirect to the chat turn that waits for it, which checks state and iss and exchanges
 * the code (PKCE) itself. Only the person who started the sign-in finishes it: another person's
 * browser (or no sign-in at all) finds nothing waiting. The redirect URL is rebuilt from the
 * configured base URL, never from the request's Host.
 */
@WebServlet(urlPatterns = "/" + SignInSettings.CALLBACK)
public class SignInCallbackServlet extends HttpServlet {

    @Inject
    PendingSignIns pending;

    @Inject
    SignInSettings settings;

    @Inject
    AuthSettings auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String person = SignedInPerson.of(request).map(SignedInPerson::key).orElse(null);
        if (auth.enabled() && person == null) {
            AuthPage.write(response, 401, "Sign in to the chat first",
                    "This sign-in belongs to a chat session, and this browser is not signed in to the chat.");
            return;
        }
        String query = request.getQueryString();
        URI redirect;
        try {
            redirect = URI.create(settings.redirectUri(request.getLocalPort()) + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException malformed) {
            AuthPage.write(response, 400, "Sign-in answer unreadable", "This address is not a sign-in answer the chat can read.");
            return;
        }
        var done = pending.complete(request.getParameter("state"), person, redirect);
        if (done.isEmpty()) {
            AuthPage.write(response, 400, "Sign-in expired",
                    "No sign-in of yours waits for this answer: it was already used, took too long, or was started elsewhere.");
            return;
        }
        if (request.getParameter("error") != null) {
            AuthPage.write(response, 403, "Sign-in to " + done.get().server() + " refused",
                    "The authorization server did not let you sign in (" + request.getParameter("error") + "). The chat says so too.");
            return;
        }
        AuthPage.write(response, 200, "Signing in to " + done.get().server(),
                "Thank you. The chat goes on in its own tab, and shows whether " + done.get().server()
                        + " accepted the sign-in; you can close this tab.");
    }
}
