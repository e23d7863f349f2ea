package dev.jakartamcp.mcp.server.control;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of the strings that thousands of sessions repeat (client name and version, declared
 * capabilities, remote address), so an idle session stays under a kilobyte. Bounded: a client
 * sending endless variants fills it once, and later strings are simply not shared.
 */
final class SharedStrings {

    private static final int MAX_ENTRIES = 4096;
    private static final int MAX_LENGTH = 1024;
    private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

    private SharedStrings() {
    }

    static String of(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return value;
        }
        String shared = SHARED.get(value);
        if (shared != null) {
            return shared;
        }
        if (SHARED.size() >= MAX_ENTRIES) {
            return value;
        }
        shared = SHARED.putIfAbsent(value, value);
        return shared == null ? value : shared;
    }
}
