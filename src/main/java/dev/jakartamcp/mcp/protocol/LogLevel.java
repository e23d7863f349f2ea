package dev.jakartamcp.mcp.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * Syslog severities, lowest first.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging#log-levels
 */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogLevel> parse(String wire) {
        for (LogLevel level : values()) {
            if (level.wire().equals(wire)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
