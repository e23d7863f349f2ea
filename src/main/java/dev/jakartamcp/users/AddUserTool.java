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

/** Creates a user. Not idempotent: the same call twice is refused the second time (unique email). */
@ApplicationScoped
@ServedBy(UsersMcpServer.NAME)
public class AddUserTool implements McpTool {

    @Override
    public String requiredScope() {
        return AuthSettings.WRITE;
    }

    private static final ToolDefinition DEFINITION = new ToolDefinition("add_user", "Add user",
            "Creates a new user. name, surname, email and about_me are required; the email must not be registered "
                    + "yet. Search first to avoid duplicates.",
            UserSchemas.create(), UserSchemas.user(), ToolAnnotations.writing("Add user", false, false));

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
        try {
            JsonObject user = presenter.mask(UserToolFailures.await(users.create(arguments), 0));
            return CallToolResult.structured("Created " + presenter.describe(user), user);
        } catch (UserToolFailures.Failed failed) {
            return failed.result;
        }
    }
}
