package dev.jakartamcp.chat;

import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Set;

/** Small helpers for the chat API's answers. */
final class ApiErrors {

    private static final Set<String> ACTIONS = Set.of("accept", "decline", "cancel");

    private ApiErrors() {
    }

    static WebApplicationException of(int status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonCodec.write(JsonCodec.object().add("error", message).build())).build());
    }

    /** The body as a JSON object, or 400. */
    static JsonObject body(String text) {
        try {
            return JsonCodec.parseObject(text == null ? "" : text);
        } catch (RuntimeException e) {
            throw of(400, "The body must be a JSON object");
        }
    }

    /** A person's answer to a server's question: {@code {"action": "accept"/"decline"/"cancel", "content"?}}, or 400. */
    static ElicitationHandler.Answer answer(String body) {
        JsonObject answer = body(body);
        String action = answer.getString("action", "");
        if (!ACTIONS.contains(action)) {
            throw of(400, "\"action\" must be accept, decline or cancel");
        }
        return new ElicitationHandler.Answer(action, answer.get("content") instanceof JsonObject o ? o : null);
    }

    /** This server's own base URL, for the default MCP server list. */
    static URI self(jakarta.servlet.http.HttpServletRequest http) {
        return URI.create("http://localhost:" + http.getLocalPort() + http.getContextPath() + "/");
    }
}
