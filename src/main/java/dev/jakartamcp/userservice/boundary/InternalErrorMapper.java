package dev.jakartamcp.userservice.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** An unhandled error of the user service answers like upstream does, {"detail": ...}, without internals. */
@Provider
public class InternalErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(InternalErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        if (exception instanceof WebApplicationException web) {
            return web.getResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "user service error, incident " + incident, exception);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"detail\":\"Internal error (incident " + incident + ")\"}").build();
    }
}
