package dev.jakartamcp.mcp.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A value for Mcp-Name or an Mcp-Param-* header: as it is when it is plain visible ASCII with inner
 * spaces only, otherwise the UTF-8 bytes in Base64 between the {@code =?base64?} and {@code ?=}
 * markers (so is a plain value that looks like that form, to stay unambiguous).
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#value-encoding
 */
final class HeaderValue {

    private static final String PREFIX = "=?base64?";
    private static final String SUFFIX = "?=";

    private HeaderValue() {
    }

    static String encode(String value) {
        return isPlain(value) ? value
                : PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    /** Visible ASCII and inner spaces; no tab, control character, edge whitespace or sentinel look-alike. */
    static boolean isPlain(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        if (value.startsWith(PREFIX) && value.endsWith(SUFFIX)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
