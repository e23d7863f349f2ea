package dev.jakartamcp.security;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to send a person after signing in: a path of this application only, so {@code /auth/login?return=}
 * cannot become an open redirect to another site.
 * https://datatracker.ietf.org/doc/html/rfc9700#name-open-redirection
 */
final class ReturnPath {

    static final String ROOT = "/";
    private static final int MAX_LENGTH = 2048;

    private ReturnPath() {
    }

    /**
     * The candidate when it is a local absolute path ({@code /x?y}), else "/". Refused: anything
     * with a scheme or authority, {@code //host} and {@code /\host} (which browsers read as a host),
     * backslashes and control characters anywhere, and the sign-in paths themselves (a loop).
     */
    static String localOrRoot(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return ROOT;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return ROOT;
            }
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("/auth/")) {
                return ROOT;
            }
        } catch (URISyntaxException e) {
            return ROOT;
        }
        return candidate;
    }

    /**
     * The local path under the public base URL. Appended, not resolved: resolving {@code a:b} would
     * read {@code a:} as a scheme and leave this application.
     */
    static URI under(URI base, String localPath) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + localOrRoot(localPath).substring(1));
    }
}
