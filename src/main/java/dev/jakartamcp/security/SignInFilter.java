package dev.jakartamcp.security;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The chat API (/api) needs a signed-in person when identity is on. Nobody: 401 with JSON naming
 * where to sign in, never a redirect to the identity provider, which a script's fetch could not
 * follow anyway; the page sends the person there itself. Runs after the front door, so Host and
 * Origin are already checked.
 */
public class SignInFilter extends HttpFilter {

    static final String LOGIN = "/auth/login";

    @Inject
    AuthSettings settings;

    @Override
    protected void doFilter(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (settings.enabled() && SignedInPerson.of(http).isEmpty()) {
            String login = http.getContextPath() + LOGIN;
            byte[] body = JsonCodec.writeBytes(JsonCodec.object().add("error", "Sign in first.").add("login", login).build());
            response.setStatus(401);
            // RFC 9110, 15.5.2: a 401 names a challenge; no standard scheme describes a sign-in page
            response.setHeader("WWW-Authenticate", "OpenIDConnect login=\"" + login + "\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(http, response);
    }
}
