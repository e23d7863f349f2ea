package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.Content;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.LogLevel;
import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.PromptMessage;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import dev.jakartamcp.mcp.server.control.McpPrompt;
import dev.jakartamcp.mcp.server.control.McpTool;
import dev.jakartamcp.mcp.server.control.ServedBy;
import dev.jakartamcp.mcp.server.control.SessionChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The fixtures the 2026-07-28 scenarios of the conformance suite (0.2.0-alpha.12) call, by the
 * names its reference server (examples/servers/typescript/everything-server.ts) uses. They answer
 * on both revisions. The MRTR fixtures (test_input_required_result_*) live elsewhere.
 */
@ApplicationScoped
public class Conformance2026Fixtures {

    @Inject
    SessionChannels channels;

    private static ToolDefinition tool(String name, String description, JsonObject input) {
        return new ToolDefinition(name, null, description, input, null, null);
    }

    /**
     * Needs the client's sampling capability: a 2026-07-28 request that does not declare it is
     * refused with -32021 before the tool runs.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/index
     */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool missingCapability() {
        JsonObject sampling = JsonCodec.object().add("sampling", JsonValue.EMPTY_JSON_OBJECT).build();
        Fixture.Tool plain = Fixture.plain(tool("test_missing_capability", "Needs the client's sampling capability",
                Fixture.noArguments()), (args, ctx) -> CallToolResult.text("The client declared sampling"));
        return new McpTool() {
            @Override
            public ToolDefinition definition() {
                return plain.definition();
            }

            @Override
            public boolean streams() {
                return false;
            }

            @Override
            public boolean blocks() {
                return false;
            }

            @Override
            public CallToolResult call(JsonObject arguments, dev.jakartamcp.mcp.server.control.CallContext context) {
                return plain.call(arguments, context);
            }

            @Override
            public JsonObject requiredClientCapabilities() {
                return sampling;
            }
        };
    }

    /** Announces a tool list change: 2025 sessions on their GET stream, 2026 listen streams that asked for it. */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool triggerToolChange() {
        return Fixture.plain(tool("test_trigger_tool_change", "Announces that the tool list changed", Fixture.noArguments()),
                (args, ctx) -> {
                    channels.listChanged(ConformanceMcpServer.NAME, "notifications/tools/list_changed");
                    return CallToolResult.text("Mutation triggered");
                });
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool triggerPromptChange() {
        return Fixture.plain(tool("test_trigger_prompt_change", "Announces that the prompt list changed", Fixture.noArguments()),
                (args, ctx) -> {
                    channels.listChanged(ConformanceMcpServer.NAME, "notifications/prompts/list_changed");
                    return CallToolResult.text("Mutation triggered");
                });
    }

    /**
     * Logs one message: on 2026-07-28 only when the request's _meta carried a log level (at or above
     * it), on 2025 at or above the session's level.
     * https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/logging
     */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool loggingTool() {
        return new Fixture.Tool(tool("test_logging_tool", "Logs one message at info", Fixture.noArguments()),
                (args, ctx) -> {
                    ctx.log(LogLevel.INFO, "conformance", JsonCodec.string("Diagnostic trace logging activated"));
                    return CallToolResult.text("Logging evaluated");
                });
    }

    /** Nothing but a call: for checking the standard request headers (Mcp-Method, Mcp-Name). */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool headers() {
        return Fixture.plain(tool("test_headers", "A simple tool used to test that HTTP headers are sent correctly",
                Fixture.noArguments()), (args, ctx) -> CallToolResult.text("Headers received"));
    }

    /**
     * Arguments mirrored into Mcp-Param-* headers by x-mcp-header; the transport checks that the
     * headers match the arguments.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
     */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool customHeaders() {
        return Fixture.plain(tool("test_custom_headers", "A tool whose arguments travel as Mcp-Param headers too",
                headerArguments(true)), (args, ctx) -> CallToolResult.text("Custom headers received: " + args));
    }

    /** As test_custom_headers, with an optional header argument: omitted or null, no header. */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpTool customHeadersNull() {
        return Fixture.plain(tool("test_custom_headers_null", "A tool for null or omitted x-mcp-header arguments",
                headerArguments(false)), (args, ctx) -> CallToolResult.text("Custom headers received: " + args));
    }

    private static JsonObject headerArguments(boolean verboseRequired) {
        var required = JsonCodec.array().add("region").add("priority").add("query");
        if (verboseRequired) {
            required.add("verbose");
        }
        return JsonCodec.object().add("type", "object").add("properties", JsonCodec.object()
                        .add("region", JsonCodec.object().add("type", "string").add("description", "A region")
                                .add("x-mcp-header", "Region"))
                        .add("priority", JsonCodec.object().add("type", "integer").add("description", "A priority")
                                .add("x-mcp-header", "Priority"))
                        .add("verbose", JsonCodec.object().add("type", "boolean").add("description", "Verbose output")
                                .add("x-mcp-header", "Verbose"))
                        .add("query", JsonCodec.object().add("type", "string").add("description", "Not mirrored in a header")))
                .add("required", required).build();
    }

    /** A prompt without arguments, for checking the request headers of prompts/get. */
    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpPrompt prompt() {
        return new Fixture.Prompt(new PromptDefinition("test_prompt", "Test prompt", "A simple prompt for header testing", List.of()),
                args -> List.of(PromptMessage.user(new Content.Text("This is a prompt for header testing."))));
    }
}
