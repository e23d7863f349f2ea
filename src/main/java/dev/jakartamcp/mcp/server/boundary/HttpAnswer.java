package dev.jakartamcp.mcp.server.boundary;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete answer known before anything is written: a status, a few headers, and a JSON body or
 * none. The servlet filter writes it straight to the response; the rest of the endpoint uses it as
 * a JAX-RS {@link Response}.
 *
 * @param json the body, or null for none
 */
record HttpAnswer(int status, Map<String, String> headers, byte[] json) {

    static HttpAnswer json(int status, byte[] json) {
        return new HttpAnswer(status, Map.of(), json);
    }

    static HttpAnswer empty(int status) {
        return new HttpAnswer(status, Map.of(), null);
    }

    HttpAnswer with(String header, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new HttpAnswer(status, Map.copyOf(more), json);
    }

    void writeTo(HttpServletResponse response) throws IOException {
        // setStatus, never sendError: an error keeps its JSON body instead of the server's HTML page
        response.setStatus(status);
        headers.forEach(response::setHeader);
        if (json == null) {
            response.setContentLength(0);
            return;
        }
        response.setContentType("application/json");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status);
        headers.forEach(builder::header);
        if (json != null) {
            builder.type("application/json").entity(json);
        }
        return builder.build();
    }
}
