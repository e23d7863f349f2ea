package dev.jakartamcp.userservice.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/** The embedded user service at /v1/users. */
@ApplicationPath("v1")
public class UserServiceApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UsersResource.class, InternalErrorMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
