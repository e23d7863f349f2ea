package dev.jakartamcp.userservice.boundary;

import dev.jakartamcp.security.AuditLog;
import dev.jakartamcp.userservice.control.UserInput;
import dev.jakartamcp.userservice.control.UserJson;
import dev.jakartamcp.userservice.control.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionalException;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.security.Principal;

/**
 * The embedded user service, compatible with the upstream mockuserservice contract
 * (see docs: 201 on create, 200 on update, 204 on delete, 400/404/422 with a "detail").
 */
@Path("users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private static final String DUPLICATE_EMAIL = "User with such email is already registered";

    @Inject
    UserRepository users;

    /** Who may read whole card numbers: nobody unless a role is named (and identity is on). */
    @Inject
    @ConfigProperty(name = "userservice.card-numbers.role")
    Optional<String> cardNumbersRole;

    /** CDI's built-in request bean: portable in an application-scoped resource on both servers. */
    @Inject
    HttpServletRequest request;

    @Inject
    AuditLog audit;

    @GET
    public String all() {
        return UserJson.toJson(users.all(), revealCardNumbers());
    }

    @GET
    @Path("search")
    public Response search(@QueryParam("name") String name, @QueryParam("surname") String surname,
                           @QueryParam("email") String email, @QueryParam("gender") String gender) {
        if (gender != null && !gender.isEmpty() && !UserInput.GENDERS.contains(gender)) {
            return detail(400, "Invalid gender: " + gender + "; use male, female or other");
        }
        return Response.ok(UserJson.toJson(users.search(blankToNull(name), blankToNull(surname), blankToNull(email),
                blankToNull(gender)), revealCardNumbers())).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        Long userId = parseId(id);
        if (userId == null) {
            return invalidId(id);
        }
        return users.find(userId)
                .map(u -> Response.ok(UserJson.toJson(u, revealCardNumbers()).toString()).build())
                .orElseGet(UsersResource::notFound);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        return audited("create", null, body, () -> createUser(body));
    }

    private Response createUser(String body) {
        JsonValue json = parseBody(body);
        if (json == null) {
            return unprocessable("JSON decode error", "json_invalid");
        }
        UserInput input = UserInput.forCreate(json.asJsonObject());
        if (!input.isValid()) {
            return unprocessable(input.errors());
        }
        if (users.emailTaken(input.email(), null)) {
            return detail(400, DUPLICATE_EMAIL);
        }
        try {
            return Response.status(201).entity(UserJson.toJson(users.create(input), revealCardNumbers()).toString()).build();
        } catch (PersistenceException | TransactionalException e) {
            // a concurrent create with the same email lost the race at the unique constraint
            return detail(400, DUPLICATE_EMAIL);
        }
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("id") String id, String body) {
        return audited("update", id, body, () -> updateUser(id, body));
    }

    private Response updateUser(String id, String body) {
        Long userId = parseId(id);
        if (userId == null) {
            return invalidId(id);
        }
        JsonValue json = parseBody(body);
        if (json == null) {
            return unprocessable("JSON decode error", "json_invalid");
        }
        UserInput input = UserInput.forUpdate(json.asJsonObject());
        if (!input.isValid()) {
            return unprocessable(input.errors());
        }
        if (users.find(userId).isEmpty()) {
            return notFound();
        }
        if (input.email() != null && users.emailTaken(input.email(), userId)) {
            return detail(400, DUPLICATE_EMAIL);
        }
        try {
            return users.update(userId, input)
                    .map(u -> Response.ok(UserJson.toJson(u, revealCardNumbers()).toString()).build())
                    .orElseGet(UsersResource::notFound);
        } catch (PersistenceException | TransactionalException e) {
            return detail(400, DUPLICATE_EMAIL);
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return audited("delete", id, null, () -> {
            Long userId = parseId(id);
            if (userId == null) {
                return invalidId(id);
            }
            return users.delete(userId) ? Response.noContent().build() : notFound();
        });
    }

    /** Every write leaves one audit line with the status it got, refused ones included. */
    private Response audited(String operation, String id, String body, Supplier<Response> write) {
        Response response = write.get();
        Principal caller = request.getUserPrincipal();
        audit.userServiceWrite(caller == null ? null : caller.getName(), operation,
                id == null || id.length() > 40 ? null : id, body, response.getStatus());
        return response;
    }

    /** The body as a JSON object, or null when it is not one. */
    private static JsonValue parseBody(String body) {
        try {
            JsonValue json = UserJson.parse(body == null ? "" : body);
            return json.getValueType() == JsonValue.ValueType.OBJECT ? json : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Response notFound() {
        return detail(404, "User not found");
    }

    private static Response invalidId(String id) {
        return unprocessable(List.of(UserJson.object()
                .add("loc", UserJson.array().add("path").add("user_id"))
                .add("msg", "Input should be a valid integer, unable to parse string as an integer")
                .add("type", "int_parsing").add("input", id).build()));
    }

    private static Response unprocessable(String message, String type) {
        return unprocessable(List.of(UserJson.object().add("loc", UserJson.array().add("body"))
                .add("msg", message).add("type", type).build()));
    }

    private static Response unprocessable(List<? extends JsonValue> errors) {
        var detail = UserJson.array();
        errors.forEach(detail::add);
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(UserJson.object().add("detail", detail).build().toString()).build();
    }

    private static Response detail(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(UserJson.object().add("detail", message).build().toString()).build();
    }

    private boolean revealCardNumbers() {
        return cardNumbersRole.filter(role -> !role.isBlank()).map(request::isUserInRole).orElse(false);
    }
}
