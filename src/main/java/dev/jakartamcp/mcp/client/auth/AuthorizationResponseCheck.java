package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.util.URLUtils;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The checks on the redirect back from the authorization endpoint before its code is used: the
 * state this client sent (CSRF), and RFC 9207's iss: compared by simple string comparison whenever
 * present, and required when the server's metadata says it sends one.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization
 */
final class AuthorizationResponseCheck {

    private AuthorizationResponseCheck() {
    }

    /** The authorization code, once the redirect passed every check; throws otherwise. */
    static String code(URI redirect, String expectedState, String issuer, boolean issAdvertised) {
        Map<String, List<String>> params = URLUtils.parseParameters(redirect.getRawQuery());
        String error = first(params, "error");
        if (error != null) {
            throw new AuthorizationException("the authorization server refused: " + error
                    + (first(params, "error_description") == null ? "" : " (" + first(params, "error_description") + ")"));
        }
        String state = first(params, "state");
        if (state == null || !state.equals(expectedState)) {
            throw new AuthorizationException("the authorization response's state does not match the request's: refused");
        }
        String iss = first(params, "iss");
        if (iss == null && issAdvertised) {
            throw new AuthorizationException("the authorization server says it sends iss, and the response has none: refused");
        }
        if (iss != null && !iss.equals(issuer)) {
            throw new AuthorizationException("the authorization response comes from issuer " + iss + ", not " + issuer + ": refused");
        }
        String code = first(params, "code");
        if (code == null || code.isEmpty()) {
            throw new AuthorizationException("the authorization response carries no code");
        }
        return code;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
