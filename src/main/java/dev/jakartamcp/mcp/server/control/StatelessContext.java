package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.LogLevel;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.function.Consumer;

/**
 * The call context of a 2026-07-28 request: no session; what the client can do comes from the
 * request's own _meta. Notifications go to {@code outbound} (its response stream), or nowhere when
 * the request is answered with plain JSON. It never asks the client anything: servers MUST NOT
 * send requests on a response stream in this revision, and Multi Round-Trip Requests are not
 * served yet, so a tool that wants to ask is told the client cannot be asked.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 */
public final class StatelessContext implements CallContext {

    private final Caller caller;
    private final MetaEnvelope meta;
    private final Consumer<JsonRpcMessage> outbound;

    public StatelessContext(Caller caller, MetaEnvelope meta, Consumer<JsonRpcMessage> outbound) {
        this.caller = caller;
        this.meta = meta;
        this.outbound = outbound;
    }

    public MetaEnvelope meta() {
        return meta;
    }

    /** No session in this revision. */
    @Override
    public McpSession session() {
        return null;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public void notify(String method, JsonObject params) {
        if (outbound != null) {
            outbound.accept(new JsonRpcMessage.Notification(method, params));
        }
    }

    /** No progress token travels here yet: progress needs a stream, which this slice does not open. */
    @Override
    public void progress(double progress, Double total, String message) {
    }

    /**
     * Only for a request whose _meta asked for a level, and only at or above it.
     * https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/logging
     */
    @Override
    public void log(LogLevel level, String logger, JsonValue data) {
        if (meta.logLevel() == null || level.compareTo(meta.logLevel()) < 0) {
            return;
        }
        JsonObjectBuilder params = JsonCodec.object().add("level", level.wire()).add("data", data);
        if (logger != null) params.add("logger", logger);
        notify("notifications/message", params.build());
    }

    @Override
    public boolean clientSupports(String capability) {
        return meta.declares(capability);
    }

    /**
     * Server-to-client requests were removed; their replacement (Multi Round-Trip Requests) comes in
     * a later change. The tool hears what it hears from a client without the capability.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
     */
    @Override
    public JsonObject request(String method, JsonObject params) {
        throw new ClientRequestException(ClientRequestException.Reason.CAPABILITY_MISSING,
                "This server cannot ask the client (" + method + ") on protocol version " + meta.protocolVersion());
    }

    @Override
    public void disconnectStream() {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
