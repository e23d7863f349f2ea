package dev.jakartamcp.users;

import dev.jakartamcp.security.AuthSettings;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpError;
import dev.jakartamcp.mcp.server.control.McpResourceTemplate;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * users://{id}: one user as JSON, card number masked like in tool output.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/resources#resource-templates
 */
@ApplicationScoped
@ServedBy(UsersMcpServer.NAME)
public class UserResourceTemplate implements McpResourceTemplate {

    @Override
    public String requiredScope() {
        return AuthSettings.READ;
    }

    private static final ResourceDefinition DEFINITION = ResourceDefinition.template("users://{id}", "user", "User",
            "One user of the user service as JSON, by numeric id", "application/json");

    @Inject
    UserGateway users;

    @Inject
    UserPresenter presenter;

    @Override
    public ResourceDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<ResourceContents> read(String uri, Map<String, String> variables, CallContext context) {
        long id;
        try {
            id = Long.parseLong(variables.get("id"));
        } catch (NumberFormatException e) {
            throw McpError.resourceNotFound(uri);
        }
        try {
            var user = presenter.mask(UserToolFailures.await(users.find(id), id));
            return List.of(ResourceContents.text(uri, "application/json", JsonCodec.write(user)));
        } catch (UserToolFailures.Failed failed) {
            if (failed.notFound) {
                throw McpError.resourceNotFound(uri);
            }
            String why = failed.result.content().get(0) instanceof dev.jakartamcp.mcp.protocol.Content.Text t ? t.text() : "";
            throw new McpError(new JsonRpcError(JsonRpcError.INTERNAL_ERROR, why));
        }
    }
}
