package dev.jakartamcp.mcp.server.boundary;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line of defence of the MCP and chat APIs: an exception nobody handled becomes a JSON 500
 * with an incident id that is logged, never the server's HTML page with the exception's text.
 * Exceptions that already carry a response keep it.
 */
@Provider
public class IncidentMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(IncidentMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        if (exception instanceof WebApplicationException web) {
            return web.getResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unhandled error, incident " + incident, exception);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonCodec.write(JsonCodec.object().add("error", "Internal error (incident " + incident + ")").build()))
                .build();
    }
}
