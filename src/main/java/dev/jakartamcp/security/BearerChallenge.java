package dev.jakartamcp.security;

import java.util.Collection;

/**
 * WWW-Authenticate values for the MCP resource (RFC 6750, section 3, and RFC 9728, section 5.1).
 * Quoted-string values: a quote or backslash in a message could break the header, so they are
 * dropped along with control characters.
 */
final class BearerChallenge {

    private BearerChallenge() {
    }

    /** No token: where the metadata is, and the scope to ask for first. */
    static String missing(String metadataUrl, String scope) {
        return "Bearer resource_metadata=\"" + clean(metadataUrl) + "\", scope=\"" + clean(scope) + "\"";
    }

    static String invalidToken(String metadataUrl, String description) {
        return "Bearer error=\"invalid_token\", error_description=\"" + clean(description)
                + "\", resource_metadata=\"" + clean(metadataUrl) + "\"";
    }

    static String insufficientScope(String metadataUrl, Collection<String> scopes) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + clean(String.join(" ", scopes))
                + "\", resource_metadata=\"" + clean(metadataUrl) + "\"";
    }

    static String clean(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 200));
        for (int i = 0; i < value.length() && out.length() < 200; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
