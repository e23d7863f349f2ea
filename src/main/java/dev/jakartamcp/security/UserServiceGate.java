package dev.jakartamcp.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * The embedded user service (/v1) is not reachable anonymously when identity is on: the MCP tools
 * call it with the {@link ServiceCredential}; a signed-in person may read (user-viewer) or also
 * write (user-admin) through it, as the roles say; anyone else gets 401. With identity off it stays
 * open, as the mockuserservice it imitates is.
 */
public class UserServiceGate extends HttpFilter {

    @Inject
    AuthSettings settings;

    @Inject
    ServiceCredential service;

    @Override
    protected void doFilter(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!settings.enabled() || service.matches(http.getHeader(ServiceCredential.HEADER))) {
            chain.doFilter(http, response);
            return;
        }
        Optional<SignedInPerson> person = SignedInPerson.of(http);
        if (person.isEmpty()) {
            JsonRefusal.write(response, 401, "The user service needs a signed-in person: sign in at /auth/login");
            return;
        }
        boolean reads = "GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod());
        String needed = reads ? AuthSettings.READ : AuthSettings.WRITE;
        if (!Roles.mayUseScope(person.get().roles(), needed)) {
            JsonRefusal.write(response, 403, "Your roles do not allow " + (reads ? "reading" : "changing") + " users");
            return;
        }
        chain.doFilter(http, response);
    }
}
