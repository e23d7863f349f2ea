package dev.jakartamcp.mcp.client.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a {@code WWW-Authenticate: Bearer ...} challenge (RFC 6750 §3, RFC 9728 §5.1):
 * where the protected resource metadata is, the scope the resource wants, the error.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#protected-resource-metadata-discovery-requirements
 */
public record BearerChallenge(String resourceMetadata, String scope, String error) {

    /** Headers longer than this are not parsed: a challenge is a few hundred bytes. */
    static final int MAX_LENGTH = 8192;
    private static final Pattern PARAM = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,]+))");

    public static final BearerChallenge NONE = new BearerChallenge(null, null, null);

    /** The Bearer challenge's parameters; NONE when there is no Bearer challenge. */
    public static BearerChallenge parse(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return NONE;
        }
        int bearer = indexOfScheme(header);
        if (bearer < 0) {
            return NONE;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header.substring(bearer + "Bearer".length()));
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            params.putIfAbsent(m.group(1).toLowerCase(java.util.Locale.ROOT), value);
        }
        return new BearerChallenge(params.get("resource_metadata"), blankToNull(params.get("scope")), params.get("error"));
    }

    public boolean insufficientScope() {
        return "insufficient_scope".equals(error);
    }

    private static int indexOfScheme(String header) {
        Matcher m = Pattern.compile("(?i)(^|[\\s,])Bearer(\\s|$)").matcher(header);
        return m.find() ? m.start() + m.group(1).length() : -1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
