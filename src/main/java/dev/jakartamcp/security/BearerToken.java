package dev.jakartamcp.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/** The outcome of the bearer token on a request, kept as a request attribute for the MCP guard. */
sealed interface BearerToken {

    String ATTRIBUTE = BearerToken.class.getName();

    record Valid(VerifiedToken token) implements BearerToken {
    }

    record Invalid(String reason) implements BearerToken {
    }

    record ProviderUnreachable(String reason) implements BearerToken {
    }

    static BearerToken of(HttpServletRequest http) {
        return http.getAttribute(ATTRIBUTE) instanceof BearerToken outcome ? outcome : null;
    }

    /** RFC 6750, section 2.1: "Bearer" (any case) and the token; null when the header is another scheme. */
    static String fromHeader(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
