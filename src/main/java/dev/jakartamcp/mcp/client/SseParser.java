package dev.jakartamcp.mcp.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An incremental parser for text/event-stream, written to the WHATWG rules: lines end in CRLF, LF or
 * CR (even when a CRLF is split across chunks); lines are decoded as UTF-8 only once complete, so a
 * character split across network chunks survives; comments are skipped; data lines are joined
 * with LF; an event without data is not dispatched, but its id still counts for resumption.
 * A line or an event's data beyond its limit throws {@link SseLimitException}: a peer must not make us
 * buffer without bound, and after that the stream cannot be trusted, so the parser stays broken.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
public final class SseParser {

    /** The longest line, in bytes, by default. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    /** The most data one event may carry, in bytes, by default. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 8 << 20;

    private final Consumer<SseEvent> sink;
    private final int maxLineBytes;
    private final int maxEventBytes;
    private long eventBytes;
    private SseLimitException broken;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private boolean lastWasCr;
    private boolean firstLine = true;
    private boolean hasData;
    private String eventType;
    private String lastEventId;
    private Long retry;

    public SseParser(Consumer<SseEvent> sink) {
        this(sink, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_EVENT_BYTES);
    }

    public SseParser(Consumer<SseEvent> sink, int maxLineBytes, int maxEventBytes) {
        if (maxLineBytes <= 0 || maxEventBytes <= 0) {
            throw new IllegalArgumentException("SSE limits must be positive");
        }
        this.sink = sink;
        this.maxLineBytes = maxLineBytes;
        this.maxEventBytes = maxEventBytes;
    }

    /** @throws SseLimitException when a line or an event grows beyond its limit; every later feed throws it again */
    public void feed(byte[] bytes, int offset, int length) {
        if (broken != null) {
            throw broken;
        }
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (lastWasCr && b == '\n') {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\r' || b == '\n') {
                processLine(line.toString(StandardCharsets.UTF_8), line.size());
                line.reset();
            } else if (line.size() >= maxLineBytes) {
                throw fail(new SseLimitException("an SSE line is longer than " + maxLineBytes + " bytes"));
            } else {
                line.write(b);
            }
        }
    }

    private SseLimitException fail(SseLimitException e) {
        broken = e;
        line.reset();
        data.setLength(0);
        return e;
    }

    /** The id to send as Last-Event-ID when resuming, or null. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The server's last retry field in milliseconds, or null. */
    public Long retry() {
        return retry;
    }

    private void processLine(String text, int lineBytes) {
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            return; // a comment, often a keep-alive
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                // the value's bytes on the wire (its field name is ASCII), plus the joining newline
                eventBytes += lineBytes - (text.length() - value.length()) + 1L;
                if (eventBytes > maxEventBytes) {
                    throw fail(new SseLimitException("an SSE event carries more than " + maxEventBytes + " bytes of data"));
                }
                data.append(value).append('\n');
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 18) {
                    retry = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void dispatch() {
        if (hasData) {
            sink.accept(new SseEvent(lastEventId, eventType == null || eventType.isEmpty() ? "message" : eventType,
                    data.substring(0, data.length() - 1), retry));
        }
        data.setLength(0);
        eventBytes = 0;
        hasData = false;
        eventType = null;
    }
}
