package dev.jakartamcp.mcp.server.control;

import java.util.Optional;

/**
 * SSE event ids: {@code <stream>-<sequence>}. The stream part names the stream within the session,
 * so a Last-Event-ID tells which stream to resume and from where; ids are unique per session.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery
 */
public record EventId(String stream, long sequence) {

    @Override
    public String toString() {
        return stream + "-" + sequence;
    }

    public static Optional<EventId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dash = text.lastIndexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            return Optional.empty();
        }
        try {
            long sequence = Long.parseLong(text.substring(dash + 1));
            String stream = text.substring(0, dash);
            return sequence < 0 || !stream.chars().allMatch(Character::isLetterOrDigit)
                    ? Optional.empty() : Optional.of(new EventId(stream, sequence));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
