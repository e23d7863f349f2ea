package dev.jakartamcp.chat;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.security.AuthSettings;
import dev.jakartamcp.security.Roles;
import dev.jakartamcp.security.SignedInPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.security.Principal;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who the page is talking to: {@code {"identity": false}} without identity, else the signed-in
 * person's name, roles and what they allow, where to sign out, when the access token expires (it
 * changes when the token is refreshed) and the container's principal (set by the app's
 * authentication mechanism on this very request).
 */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    AuthSettings settings;

    @GET
    public String me(@Context HttpServletRequest http) {
        JsonObjectBuilder me = JsonCodec.object().add("identity", settings.enabled());
        Optional<SignedInPerson> person = SignedInPerson.of(http);
        person.ifPresent(p -> {
            JsonArrayBuilder roles = JsonCodec.array();
            new TreeSet<>(p.roles()).forEach(roles::add);
            JsonArrayBuilder allowed = JsonCodec.array();
            Roles.scopesFor(p.roles()).forEach(allowed::add);
            me.add("name", p.name()).add("roles", roles).add("permissions", allowed).add("logout", "/auth/logout");
            if (p.accessTokenExpiresAt() != null) {
                me.add("accessTokenExpiresAt", p.accessTokenExpiresAt().toString());
            }
            Principal principal = http.getUserPrincipal();
            if (principal != null) {
                me.add("principal", principal.getName());
            }
        });
        return JsonCodec.write(me.build());
    }
}
