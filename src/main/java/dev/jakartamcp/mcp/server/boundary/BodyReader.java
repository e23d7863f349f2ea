package dev.jakartamcp.mcp.server.boundary;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a POST body up to the limit. An oversized body is still read and thrown away up to
 * {@link #DRAIN_FACTOR} times the limit, because many clients only read the answer once they have
 * sent everything; beyond that (known from Content-Length before reading) the connection is closed
 * instead.
 */
final class BodyReader {

    static final int DRAIN_FACTOR = 16;

    private BodyReader() {
    }

    /** The body, or null when it is over the limit. */
    static byte[] read(HttpServletRequest http, int limit) throws IOException {
        try (InputStream in = http.getInputStream()) {
            if (http.getContentLengthLong() > (long) limit * DRAIN_FACTOR) {
                return null;
            }
            byte[] body = in.readNBytes(limit + 1);
            if (body.length <= limit) {
                return body;
            }
            long drained = 0;
            byte[] scratch = new byte[8192];
            try {
                for (int n; drained < (long) limit * DRAIN_FACTOR && (n = in.read(scratch)) != -1; ) {
                    drained += n;
                }
            } catch (IOException e) {
                // the container's own cap (Undertow's max-post-size, 10 MiB by default) ended the
                // body while it was thrown away: it is still too large, and the answer still 413
            }
            return null;
        }
    }
}
