package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.Content;
import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.PromptMessage;
import dev.jakartamcp.mcp.server.control.CallContext;
import dev.jakartamcp.mcp.server.control.McpPrompt;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * find_or_add_user: checks whether a person is a user and adds them if absent, without duplicates.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/prompts
 */
@ApplicationScoped
@ServedBy(UsersMcpServer.NAME)
public class FindOrAddUserPrompt implements McpPrompt {

    private static final PromptDefinition DEFINITION = new PromptDefinition("find_or_add_user", "Find or add a user",
            "Checks whether a person is already a user and adds them if not", List.of(
            new PromptDefinition.Argument("name", "First name", true),
            new PromptDefinition.Argument("surname", "Surname", true),
            new PromptDefinition.Argument("email", "Email address, if known", false),
            new PromptDefinition.Argument("about", "What is known about the person", false)));

    @Override
    public PromptDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<PromptMessage> get(Map<String, String> arguments, CallContext context) {
        String person = arguments.get("name") + " " + arguments.get("surname");
        StringBuilder text = new StringBuilder()
                .append("Check whether ").append(person).append(" is already a user: call search_users with name \"")
                .append(arguments.get("name")).append("\" and surname \"").append(arguments.get("surname")).append("\".\n")
                .append("If a matching user exists, report their id and email and add nobody.\n")
                .append("Otherwise add them with add_user");
        if (arguments.get("email") != null) {
            text.append(", email \"").append(arguments.get("email")).append('"');
        } else {
            text.append("; ask for an email address first if you do not have one");
        }
        if (arguments.get("about") != null) {
            text.append(", about_me \"").append(arguments.get("about")).append('"');
        }
        text.append(", then report the new user's id. Never show full card numbers.");
        return List.of(PromptMessage.user(new Content.Text(text.toString())));
    }
}
