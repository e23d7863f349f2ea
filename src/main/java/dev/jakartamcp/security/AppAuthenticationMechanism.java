package dev.jakartamcp.security;

import dev.jakartamcp.mcp.server.control.McpServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's one HTTP authentication mechanism (Jakarta Security allows one per
 * application), portable to every server that runs Jakarta Security 3: bearer access tokens on the
 * MCP endpoints, and everywhere else the person who signed in to the chat page (the HTTP session,
 * its access token refreshed when due: {@link SessionSignIn}). The session never counts on /mcp,
 * so a page elsewhere cannot use a person's cookie there. It only establishes who calls; it never
 * answers on its own, so what a refusal looks like (401 with the RFC 9728 challenge, 403
 * insufficient_scope, 401 JSON on the chat API) is decided by the filters and the MCP transport,
 * the same on Payara and WildFly.
 */
@ApplicationScoped
public class AppAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    AuthSettings settings;

    @Inject
    McpServers servers;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    SessionSignIn sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!settings.enabled()) {
            return context.doNothing();
        }
        if (isMcpEndpoint(request)) {
            String token = BearerToken.fromHeader(request.getHeader("Authorization"));
            return token == null ? context.doNothing() : bearer(request, token, context);
        }
        return sessions.current(request)
                .map(person -> context.notifyContainerAboutLogin(person.name(), person.roles()))
                .orElseGet(context::doNothing);
    }

    private AuthenticationStatus bearer(HttpServletRequest request, String token, HttpMessageContext context) {
        try {
            VerifiedToken verified = verifier.verify(token, settings.resource(request.getLocalPort()));
            request.setAttribute(BearerToken.ATTRIBUTE, new BearerToken.Valid(verified));
            return context.notifyContainerAboutLogin(verified.name(), verified.roles());
        } catch (AccessTokenVerifier.InvalidToken e) {
            request.setAttribute(BearerToken.ATTRIBUTE, new BearerToken.Invalid(e.getMessage()));
        } catch (IdentityProvider.Unreachable e) {
            request.setAttribute(BearerToken.ATTRIBUTE, new BearerToken.ProviderUnreachable(e.getMessage()));
        }
        return context.doNothing();
    }

    private boolean isMcpEndpoint(HttpServletRequest request) {
        String path = request.getServletPath();
        return servers.atPath(path.startsWith("/") ? path.substring(1) : path) != null;
    }
}
