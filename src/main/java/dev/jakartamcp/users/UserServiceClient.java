package dev.jakartamcp.users;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The user service's REST contract, the same for the embedded service and the upstream
 * mockuserservice. Bodies stay JSON text: the tools pass them through and parse them once.
 * Error statuses become {@link UserServiceException}s through {@link UserServiceErrorMapper}.
 */
@RegisterRestClient(configKey = "users")
@RegisterProvider(UserServiceErrorMapper.class)
@Path("/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UserServiceClient {

    @GET
    @Path("/{id}")
    String get(@PathParam("id") long id);

    /** Null parameters are left out of the query. */
    @GET
    @Path("/search")
    String search(@QueryParam("name") String name, @QueryParam("surname") String surname,
                  @QueryParam("email") String email, @QueryParam("gender") String gender);

    @POST
    String create(String user);

    @PUT
    @Path("/{id}")
    String update(@PathParam("id") long id, String changes);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") long id);
}
