package dev.jakartamcp.mcp.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Callbacks for notifications from the server. */
public final class Listeners {

    private Listeners() {
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/progress */
    @FunctionalInterface
    public interface Progress {
        void progress(JsonValue token, double progress, Double total, String message);
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging */
    @FunctionalInterface
    public interface Log {
        void log(String level, String logger, JsonValue data);
    }

    /** notifications/tools/list_changed and its kin: the method name says which list. */
    @FunctionalInterface
    public interface ListChanged {
        void changed(String method);
    }

    /** Any other notification. */
    @FunctionalInterface
    public interface Other {
        void notification(String method, JsonObject params);
    }
}
