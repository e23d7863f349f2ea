package dev.jakartamcp.mcp.client;

/** An SSE line or event beyond the parser's limit; the stream that sent it is over. */
public final class SseLimitException extends RuntimeException {
    public SseLimitException(String message) {
        super(message);
    }
}
