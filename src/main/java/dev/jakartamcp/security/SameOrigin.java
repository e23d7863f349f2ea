package dev.jakartamcp.security;

import java.net.URI;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Whether a state-changing browser request comes from our own page, by the headers browsers set
 * and pages cannot: Sec-Fetch-Site (Fetch Metadata) where sent, else Origin. A request with neither
 * is refused: every browser that could be lured into a cross-site POST sends at least Origin.
 * https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html#fetch-metadata-headers
 */
final class SameOrigin {

    private SameOrigin() {
    }

    /** @param allowedOrigin whether a (non-null) Origin is one of ours */
    static boolean fromOurPage(String secFetchSite, String origin, Predicate<String> allowedOrigin) {
        boolean originOk = origin != null && !origin.equals("null") && allowedOrigin.test(origin);
        if (secFetchSite != null) {
            return secFetchSite.equals("same-origin") && (origin == null || originOk);
        }
        return originOk;
    }

    /** Whether {@code origin} (scheme://host[:port]) is the origin of {@code base} (RFC 6454). */
    static boolean same(URI base, String origin) {
        try {
            URI other = URI.create(origin);
            return base.getScheme().equalsIgnoreCase(String.valueOf(other.getScheme()))
                    && base.getHost().toLowerCase(Locale.ROOT).equals(String.valueOf(other.getHost()).toLowerCase(Locale.ROOT))
                    && port(base) == port(other) && (other.getRawPath() == null || other.getRawPath().isEmpty());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
