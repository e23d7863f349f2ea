package dev.jakartamcp.users;

import dev.jakartamcp.security.AuthSettings;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.ToolAnnotations;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** Reads one user by id. */
@ApplicationScoped
@ServedBy(UsersMcpServer.NAME)
public class GetUserByIdTool implements McpTool {

    @Override
    public String requiredScope() {
        return AuthSettings.READ;
    }

    private static final ToolDefinition DEFINITION = new ToolDefinition("get_user_by_id", "Get user by id",
            "Returns one user with all details by their numeric id. Card numbers are masked.",
            UserSchemas.idOnly("The user's id"), UserSchemas.user(), ToolAnnotations.readOnly("Get user by id"));

    @Inject
    UserGateway users;

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
        try {
            JsonObject user = presenter.mask(UserToolFailures.await(users.find(id), id));
            return CallToolResult.structured(presenter.describe(user), user);
        } catch (UserToolFailures.Failed failed) {
            return failed.result;
        }
    }
}
