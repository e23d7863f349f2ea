package dev.jakartamcp.mcp.server.boundary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The request headers of 2026-07-28 and how their values are read.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 */
final class StatelessHeaders {

    static final String METHOD = "Mcp-Method";
    static final String NAME = "Mcp-Name";
    /** Followed by the name an x-mcp-header annotation gives. */
    static final String PARAM_PREFIX = "Mcp-Param-";

    private static final String BASE64_PREFIX = "=?base64?";
    private static final String BASE64_SUFFIX = "?=";

    private StatelessHeaders() {
    }

    /**
     * A header value as the client meant it: values that are not plain ASCII travel as
     * {@code =?base64?<base64 of the UTF-8 bytes>?=}. Null when absent, or when that form does not
     * decode to UTF-8 (it then matches nothing).
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.length() < BASE64_PREFIX.length() + BASE64_SUFFIX.length()
                || !value.regionMatches(true, 0, BASE64_PREFIX, 0, BASE64_PREFIX.length()) || !value.endsWith(BASE64_SUFFIX)) {
            return value;
        }
        String encoded = value.substring(BASE64_PREFIX.length(), value.length() - BASE64_SUFFIX.length());
        if (encoded.length() % 4 != 0) {
            return null; // padded Base64 only: the JDK decoder would accept a missing '='
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
