package dev.jakartamcp.security;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads roles and scopes from the claims of the providers we meet, which all put them differently. */
final class ClaimPaths {

    private ClaimPaths() {
    }

    /**
     * The strings at a dotted path ({@code groups}, {@code roles}, {@code realm_access.roles}): a JSON
     * array of strings, or one string. Anything else counts as none.
     */
    static Set<String> strings(Map<String, Object> claims, String dottedPath) {
        Object node = claims;
        for (String part : dottedPath.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return Set.of();
            }
            node = map.get(part);
        }
        Set<String> values = new LinkedHashSet<>();
        if (node instanceof Collection<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
        } else if (node instanceof String one) {
            values.add(one);
        }
        return values;
    }

    /** RFC 9068 / RFC 8693: "scope" is one space-separated string; Entra ID and Okta also use "scp". */
    static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String claim : new String[]{"scope", "scp"}) {
            Object value = claims.getClaim(claim);
            if (value instanceof String text) {
                Arrays.stream(text.split(" ")).filter(s -> !s.isBlank()).forEach(scopes::add);
            } else if (value instanceof Collection<?> list) {
                list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
            }
        }
        return scopes;
    }
}
