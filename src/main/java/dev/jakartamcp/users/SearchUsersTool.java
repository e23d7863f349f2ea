package dev.jakartamcp.users;

import dev.jakartamcp.security.AuthSettings;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.LogLevel;
import dev.jakartamcp.mcp.protocol.ToolAnnotations;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** Finds users by parts of their name, surname or email, and by gender. */
@ApplicationScoped
@ServedBy(UsersMcpServer.NAME)
public class SearchUsersTool implements McpTool {

    @Override
    public String requiredScope() {
        return AuthSettings.READ;
    }

    /** The text lists at most this many users; structuredContent has them all. */
    static final int TEXT_LIMIT = 50;

    private static final ToolDefinition DEFINITION = new ToolDefinition("search_users", "Search users",
            "Finds users whose name, surname or email contain the given text (case-insensitive) and whose gender "
                    + "matches exactly. All given criteria must match; with no criteria every user is returned. "
                    + "Use it to check whether a user exists before adding one.",
            UserSchemas.search(), UserSchemas.userList(), ToolAnnotations.readOnly("Search users"));

    @Inject
    UserGateway users;

    @Inject
    UserPresenter presenter;

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    /** Results above this size report progress while they are prepared. */
    static final int PROGRESS_STEP = 100;

    @Override
    public CallToolResult call(JsonObject arguments, CallContext context) {
        try {
            context.log(LogLevel.DEBUG, "search_users", JsonCodec.string("searching users with " + arguments));
            JsonArray found = UserToolFailures.await(users.search(arguments.getString("name", null),
                    arguments.getString("surname", null), arguments.getString("email", null),
                    arguments.getString("gender", null)), 0);
            context.log(LogLevel.DEBUG, "search_users", JsonCodec.string("the user service found " + found.size() + " users"));
            boolean large = found.size() > PROGRESS_STEP;
            JsonArrayBuilder masked = JsonCodec.array();
            StringBuilder text = new StringBuilder(found.isEmpty() ? "No users match." : "Found " + found.size() + " users:");
            for (int i = 0; i < found.size(); i++) {
                if (large && i % PROGRESS_STEP == 0) {
                    // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/progress
                    context.progress(i, (double) found.size(), "prepared " + i + " of " + found.size() + " users");
                }
                JsonObject user = presenter.mask(found.getJsonObject(i));
                masked.add(user);
                if (i < TEXT_LIMIT) {
                    text.append('\n').append(presenter.line(user));
                }
            }
            if (large) {
                context.progress(found.size(), (double) found.size(), "done");
            }
            if (found.size() > TEXT_LIMIT) {
                text.append("\n... and ").append(found.size() - TEXT_LIMIT).append(" more; narrow the search to see them.");
            }
            return CallToolResult.structured(text.toString(),
                    JsonCodec.object().add("count", found.size()).add("users", masked).build());
        } catch (UserToolFailures.Failed failed) {
            return failed.result;
        }
    }
}
