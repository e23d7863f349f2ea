package dev.jakartamcp.mcp.client;

import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;

/**
 * One request in flight: the id and session it went out with, and its open response body. When
 * nobody waits for it any more (a timeout, the caller cancelled) it is abandoned: the body is
 * closed and the transport neither resumes its stream nor sends it again.
 */
final class Call {

    private final String method;
    private volatile JsonValue id;
    private volatile Session session;
    private volatile InputStream body;
    private volatile boolean abandoned;
    private volatile Runnable onAbandon;

    Call(String method) {
        this.method = method;
    }

    String method() {
        return method;
    }

    void sent(JsonValue id, Session session) {
        this.id = id;
        this.session = session;
    }

    JsonValue id() {
        return id;
    }

    Session session() {
        return session;
    }

    /** The body now being read; closed at once when the call was abandoned meanwhile. */
    void hold(InputStream body) {
        this.body = body;
        if (abandoned) {
            closeQuietly(body);
        }
    }

    boolean abandoned() {
        return abandoned;
    }

    void abandon() {
        abandoned = true;
        closeQuietly(body);
        Runnable action = onAbandon;
        if (action != null) {
            action.run();
        }
    }

    /**
     * What to run when the call is abandoned while a question of the server (an MRTR input request)
     * is open, such as withdrawing a dialog; null when none is open. Runs at once when already abandoned.
     */
    void whileOpen(Runnable action) {
        this.onAbandon = action;
        if (action != null && abandoned) {
            action.run();
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing more to do for a call nobody waits for
            }
        }
    }
}
