package dev.jakartamcp.mcp.server.control;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session ids: 192 bits from SecureRandom, base64url, so only visible ASCII (0x21-0x7E).
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management
 */
public final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    public static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** A header value can only name a session if it is visible ASCII of a sane length. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
