package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.ToolAnnotations;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** Deletes a user for good. */
@ApplicationScoped
@ServedBy(UsersMcpServer.NAME)
public class DeleteUserTool implements McpTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("delete_user", "Delete user",
            "Deletes a user permanently by id. This cannot be undone: confirm with the person first.",
            UserSchemas.idOnly("The id of the user to delete"), null,
            ToolAnnotations.writing("Delete user", true, true));

    @Inject
    UserGateway users;

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public CallToolResult call(JsonObject arguments, CallContext context) {
        long id = arguments.getJsonNumber("id").longValue();
        try {
            UserToolFailures.await(users.delete(id), id);
            return CallToolResult.text("Deleted user " + id + ".");
        } catch (UserToolFailures.Failed failed) {
            return failed.result;
        }
    }
}
