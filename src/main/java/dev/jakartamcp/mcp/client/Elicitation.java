package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One question a server asks through elicitation/create (form mode): its message and the schema of
 * the wanted form, and whether the server has withdrawn it.
 * <p>
 * The server may give up on its question (its own timeout, the tool call was cancelled) and send
 * {@code notifications/cancelled} for it. The client then completes {@link #cancelled()}, runs the
 * {@link #onCancel(Runnable)} actions, interrupts the handler's thread, and sends no answer at all:
 * whatever the handler returns afterwards is dropped. A UI closes its dialog there, e.g.
 * <pre>{@code
 * McpClient.builder(url).elicitation(ElicitationHandler.of(question -> {
 *     Dialog dialog = ui.open(question.message(), question.requestedSchema());
 *     question.onCancel(dialog::close);           // the server stopped waiting
 *     return dialog.awaitAnswer();                // interrupted when the server stopped waiting
 * }))
 * }</pre>
 * The same happens when the client is closed while a question is open.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
 * https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation
 */
public final class Elicitation {

    private final String message;
    private final JsonObject requestedSchema;
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
    private volatile String cancelReason;

    public Elicitation(String message, JsonObject requestedSchema) {
        this.message = message;
        this.requestedSchema = requestedSchema;
    }

    public String message() {
        return message;
    }

    public JsonObject requestedSchema() {
        return requestedSchema;
    }

    /** Completes when the server withdraws the question; it never completes otherwise. */
    public CompletionStage<Void> cancelled() {
        return cancelled.minimalCompletionStage();
    }

    public boolean isCancelled() {
        return cancelled.isDone();
    }

    /** The server's reason, when it gave one; null before cancellation. */
    public String cancelReason() {
        return cancelReason;
    }

    /**
     * Runs {@code action} once the question is withdrawn: at once when it already is, otherwise on the
     * thread that reads the server's stream, so keep it short (close a dialog, complete a future).
     */
    public void onCancel(Runnable action) {
        cancelled.thenRun(action);
    }

    /** The server withdrew the question. */
    void cancel(String reason) {
        cancelReason = reason == null ? "cancelled" : reason;
        cancelled.complete(null);
    }

    /**
     * Fills the fields a person left out of an accepted form with the defaults of the requested
     * schema (SEP-1034).
     * https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation#requested-schema
     */
    public static JsonObject withDefaults(JsonObject schema, JsonObject content) {
        JsonObjectBuilder out = content == null ? JsonCodec.object() : JsonCodec.object(content);
        JsonObject properties = schema == null ? null : schema.getJsonObject("properties");
        if (properties != null) {
            for (var property : properties.entrySet()) {
                if (property.getValue() instanceof JsonObject p && p.containsKey("default")
                        && (content == null || !content.containsKey(property.getKey()))) {
                    out.add(property.getKey(), p.get("default"));
                }
            }
        }
        return out.build();
    }
}
