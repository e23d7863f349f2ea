package dev.jakartamcp.mcp.server.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination over a stable list. Cursors are opaque to clients; ours encode kind and offset,
 * and one we did not issue is refused with -32602.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/pagination
 */
public final class Pages {

    private Pages() {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    public static <T> Page<T> of(List<T> all, String kind, String cursor, int pageSize) {
        int from = cursor == null ? 0 : decode(kind, cursor, all.size());
        int to = Math.min(all.size(), from + pageSize);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? encode(kind, to) : null);
    }

    private static String encode(String kind, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int decode(String kind, String cursor, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(kind + ":")) {
                int offset = Integer.parseInt(text.substring(kind.length() + 1));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw McpError.invalidParams("Invalid cursor");
    }
}
