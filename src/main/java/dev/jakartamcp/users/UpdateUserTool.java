package dev.jakartamcp.users;

import dev.jakartamcp.security.AuthSettings;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.ToolAnnotations;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.ServedBy;
import dev.jakartamcp.mcp.server.control.SessionChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** Changes some fields of a user; the same call twice has the same effect. */
@ApplicationScoped
@ServedBy(UsersMcpServer.NAME)
public class UpdateUserTool implements McpTool {

    @Override
    public String requiredScope() {
        return AuthSettings.WRITE;
    }

    private static final ToolDefinition DEFINITION = new ToolDefinition("update_user", "Update user",
            "Changes the given fields of an existing user; fields left out keep their values. about_me cannot be changed.",
            UserSchemas.update(), UserSchemas.user(), ToolAnnotations.writing("Update user", false, true));

    @Inject
    UserGateway users;

    @Inject
    SessionChannels channels;

    @Inject
    UserPresenter presenter;

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    /** It sends nothing before its result, so it is answered with plain JSON. */
    @Override
    public boolean streams() {
        return false;
    }

    @Override
    public CallToolResult call(JsonObject arguments, CallContext context) {
        long id = arguments.getJsonNumber("id").longValue();
        JsonObject changes = arguments.getJsonObject("new_info");
        if (changes.isEmpty()) {
            return CallToolResult.error("new_info is empty: give at least one field to change.");
        }
        try {
            JsonObject user = presenter.mask(UserToolFailures.await(users.update(id, changes), id));
            // subscribers of users://{id} hear about it
            // https://modelcontextprotocol.io/specification/2025-11-25/server/resources#subscriptions
            channels.resourceUpdated(UsersMcpServer.NAME, "users://" + id);
            return CallToolResult.structured("Updated " + presenter.describe(user), user);
        } catch (UserToolFailures.Failed failed) {
            return failed.result;
        }
    }
}
