package dev.jakartamcp.chat;

import dev.jakartamcp.mcp.server.boundary.IncidentMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/** The chat page's JSON and SSE API at /api. */
@ApplicationPath("api")
public class ChatApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ConversationsResource.class, ToolsConsoleResource.class, MeResource.class, IncidentMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
