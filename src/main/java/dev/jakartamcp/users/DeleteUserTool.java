package dev.jakartamcp.users;

import dev.jakartamcp.security.AuthSettings;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.ToolAnnotations;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.ClientRequestException;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.ServedBy;
import dev.jakartamcp.mcp.server.control.SessionChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes a user for good, after asking the person through elicitation when the client can be
 * asked. Without that capability {@code users.delete.unconfirmed} decides: {@code refuse} (default:
 * nothing is deleted that nobody confirmed) or {@code allow} (the destructive hint tells such
 * clients to confirm themselves).
 * https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation
 */
@ApplicationScoped
@ServedBy(UsersMcpServer.NAME)
public class DeleteUserTool implements McpTool {

    @Override
    public String requiredScope() {
        return AuthSettings.DELETE;
    }

    private static final ToolDefinition DEFINITION = new ToolDefinition("delete_user", "Delete user",
            "Deletes a user permanently by id. This cannot be undone: the person is asked to confirm when the client "
                    + "supports it; otherwise confirm with them first.",
            UserSchemas.idOnly("The id of the user to delete"), null,
            ToolAnnotations.writing("Delete user", true, true));

    private static final JsonObject CONFIRMATION = JsonCodec.object().add("type", "object")
            .add("properties", JsonCodec.object().add("confirm", JsonCodec.object().add("type", "boolean")
                    .add("title", "Delete this user").add("description", "Tick to delete the user permanently")
                    .add("default", false)))
            .add("required", JsonCodec.array().add("confirm")).build();

    private static final JsonObject NEEDS_ELICITATION = JsonCodec.object()
            .add("elicitation", JsonValue.EMPTY_JSON_OBJECT).build();

    @Inject
    UserGateway users;

    @Inject
    SessionChannels channels;

    @Inject
    UserPresenter presenter;

    @Inject
    @ConfigProperty(name = "users.delete.unconfirmed", defaultValue = "refuse")
    String unconfirmed;

    /** The confirmation needs elicitation, unless deleting without it is allowed. */
    @Override
    public JsonObject requiredClientCapabilities() {
        return "allow".equalsIgnoreCase(unconfirmed) ? JsonValue.EMPTY_JSON_OBJECT : NEEDS_ELICITATION;
    }

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public CallToolResult call(JsonObject arguments, CallContext context) {
        long id = arguments.getJsonNumber("id").longValue();
        try {
            if (context.clientSupports("elicitation")) {
                JsonObject user = UserToolFailures.await(users.find(id), id);
                String refusal = confirm(context, "Delete " + presenter.line(user) + "? This cannot be undone.");
                if (refusal != null) {
                    return CallToolResult.text("User " + id + " was NOT deleted: " + refusal + ".");
                }
            } else if (!"allow".equalsIgnoreCase(unconfirmed)) {
                return CallToolResult.error("User " + id + " was NOT deleted: deleting needs the person's confirmation, "
                        + "and this client cannot ask for it (no elicitation capability).");
            }
            if (context.isCancelled()) {
                return CallToolResult.text("User " + id + " was NOT deleted: the call was cancelled.");
            }
            UserToolFailures.await(users.delete(id), id);
            // subscribers of users://{id} hear about it
            // https://modelcontextprotocol.io/specification/2025-11-25/server/resources#subscriptions
            channels.resourceUpdated(UsersMcpServer.NAME, "users://" + id);
            return CallToolResult.text("Deleted user " + id + ".");
        } catch (UserToolFailures.Failed failed) {
            return failed.result;
        }
    }

    /** Null when the person confirmed; otherwise why not. */
    private static String confirm(CallContext context, String message) {
        try {
            JsonObject answer = context.request("elicitation/create", JsonCodec.object()
                    .add("message", message).add("requestedSchema", CONFIRMATION).build());
            String action = answer.getString("action", "cancel");
            if (!"accept".equals(action)) {
                return "the person chose to " + action;
            }
            JsonObject content = answer.getJsonObject("content");
            return content != null && content.getBoolean("confirm", false) ? null : "the person did not tick the confirmation";
        } catch (ClientRequestException e) {
            return switch (e.reason()) {
                case CANCELLED -> "the call was cancelled";
                case TIMEOUT -> "nobody confirmed in time";
                default -> "the confirmation failed (" + e.getMessage() + ")";
            };
        }
    }
}
