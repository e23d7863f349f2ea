package dev.jakartamcp.security;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** How the security filters refuse a request: a status and {@code {"error": message}}, never the server's HTML page. */
final class JsonRefusal {

    private JsonRefusal() {
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = JsonCodec.writeBytes(JsonCodec.object().add("error", message).build());
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
