package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.Implementation;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers MCP requests: the lifecycle, ping and the tools methods. Knows nothing of HTTP.
 */
@ApplicationScoped
public class McpDispatcher {

    private static final Logger LOG = Logger.getLogger(McpDispatcher.class.getName());

    @Inject
    ToolRegistry tools;

    @Inject
    SessionManager sessions;

    @Inject
    McpServerConfig config;

    @Inject
    @ConfigProperty(name = "mcp.server.name", defaultValue = "jakarta-mcp-users")
    String serverName;

    @Inject
    @ConfigProperty(name = "mcp.server.version", defaultValue = "1.0.0")
    String serverVersion;

    @Inject
    @ConfigProperty(name = "mcp.server.instructions", defaultValue = "Manages the users of a user service. "
            + "Search before adding a user, confirm before deleting one.")
    String instructions;

    /**
     * The outcome of initialize: a new session and the response, or only an error response.
     * {@code overloaded} says the error is the session cap, which the transport answers with 503.
     */
    public record InitializeOutcome(Optional<McpSession> session, JsonRpcMessage response, boolean overloaded) {
        InitializeOutcome(Optional<McpSession> session, JsonRpcMessage response) {
            this(session, response, false);
        }
    }

    /**
     * Version negotiation and capability exchange; creates the session.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
     */
    public InitializeOutcome initialize(JsonRpcMessage.Request request) {
        JsonObject params = request.params();
        JsonValue requested = params.get("protocolVersion");
        if (requested == null || requested.getValueType() != ValueType.STRING) {
            return new InitializeOutcome(Optional.empty(), invalidParams(request, "initialize needs a string \"protocolVersion\""));
        }
        JsonValue capabilities = params.get("capabilities");
        if (capabilities != null && capabilities.getValueType() != ValueType.OBJECT) {
            return new InitializeOutcome(Optional.empty(), invalidParams(request, "\"capabilities\" must be an object"));
        }
        JsonValue clientInfo = params.get("clientInfo");
        if (clientInfo != null && clientInfo.getValueType() != ValueType.OBJECT) {
            return new InitializeOutcome(Optional.empty(), invalidParams(request, "\"clientInfo\" must be an object"));
        }
        String version = ProtocolVersion.negotiate(((JsonString) requested).getString());
        Implementation client = Implementation.fromJson(clientInfo == null ? null : clientInfo.asJsonObject());
        String capabilityText = capabilities == null ? "{}" : JsonCodec.write(capabilities);
        Optional<McpSession> session = sessions.create(version, client.name(), client.version(), capabilityText);
        if (session.isEmpty()) {
            return new InitializeOutcome(Optional.empty(), new JsonRpcMessage.Error(request.id(),
                    new JsonRpcError(JsonRpcError.TRANSPORT_ERROR, "Too many sessions (" + config.maxSessions()
                            + "); try again later")), true);
        }
        JsonObject result = JsonCodec.object()
                .add("protocolVersion", version)
                .add("capabilities", JsonCodec.object().add("tools", JsonCodec.object().add("listChanged", false)))
                .add("serverInfo", new Implementation(serverName, "User management", serverVersion).toJson())
                .add("instructions", instructions)
                .build();
        return new InitializeOutcome(session, new JsonRpcMessage.Result(request.id(), result));
    }

    /** Answers a request inside an established session. */
    public JsonRpcMessage handle(JsonRpcMessage.Request request, CallContext context) {
        McpSession session = context.session();
        // the client SHOULD NOT send requests other than pings before the initialized notification
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
        if (!session.initialized() && !"ping".equals(request.method())) {
            return new JsonRpcMessage.Error(request.id(), new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "The session is not initialized yet: send notifications/initialized first"));
        }
        try {
            return switch (request.method()) {
                // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/ping
                case "ping" -> new JsonRpcMessage.Result(request.id(), JsonValue.EMPTY_JSON_OBJECT);
                case "tools/list" -> listTools(request);
                case "tools/call" -> callTool(request, context);
                case "initialize" -> new JsonRpcMessage.Error(request.id(), new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                        "This session is already initialized; start a new session without Mcp-Session-Id"));
                default -> new JsonRpcMessage.Error(request.id(), new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND,
                        "Method not found: " + request.method()));
            };
        } catch (RuntimeException e) {
            // -32603 carries an incident id for the log, never a stack trace
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "MCP request " + request.method() + " failed, incident " + incident, e);
            return new JsonRpcMessage.Error(request.id(), new JsonRpcError(JsonRpcError.INTERNAL_ERROR,
                    "Internal error (incident " + incident + ")"));
        }
    }

    /** Notifications from the client. Unknown ones are ignored, as JSON-RPC allows. */
    public void accept(JsonRpcMessage.Notification notification, McpSession session) {
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
        if ("notifications/initialized".equals(notification.method()) && !session.initialized()) {
            sessions.markReady(session);
        }
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/tools#listing-tools */
    private JsonRpcMessage listTools(JsonRpcMessage.Request request) {
        JsonValue cursor = request.params().get("cursor");
        if (cursor != null && cursor.getValueType() != ValueType.STRING && cursor.getValueType() != ValueType.NULL) {
            return invalidParams(request, "\"cursor\" must be a string");
        }
        ToolRegistry.Page page;
        try {
            page = tools.page(cursor instanceof JsonString s ? s.getString() : null, config.toolsPageSize());
        } catch (IllegalArgumentException e) {
            return invalidParams(request, "Invalid cursor");
        }
        JsonArrayBuilder list = JsonCodec.array();
        page.tools().forEach(t -> list.add(t.toJson()));
        JsonObjectBuilder result = JsonCodec.object().add("tools", list);
        if (page.nextCursor() != null) {
            result.add("nextCursor", page.nextCursor());
        }
        return new JsonRpcMessage.Result(request.id(), result.build());
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/tools#calling-tools */
    private JsonRpcMessage callTool(JsonRpcMessage.Request request, CallContext context) {
        JsonValue name = request.params().get("name");
        if (name == null || name.getValueType() != ValueType.STRING) {
            return invalidParams(request, "tools/call needs a string \"name\"");
        }
        JsonValue arguments = request.params().getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        if (arguments.getValueType() == ValueType.NULL) {
            arguments = JsonValue.EMPTY_JSON_OBJECT;
        }
        if (arguments.getValueType() != ValueType.OBJECT) {
            return invalidParams(request, "\"arguments\" must be an object");
        }
        String toolName = ((JsonString) name).getString();
        Optional<McpTool> tool = tools.find(toolName);
        // unknown tools are a protocol error: https://modelcontextprotocol.io/specification/2025-11-25/server/tools#error-handling
        if (tool.isEmpty()) {
            return invalidParams(request, "Unknown tool: " + toolName);
        }
        return new JsonRpcMessage.Result(request.id(), invoke(tool.get(), arguments.asJsonObject(), context).toJson());
    }

    /**
     * Input validation errors are tool execution errors (isError), so the model can fix its call.
     * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#error-handling
     */
    private CallToolResult invoke(McpTool tool, JsonObject arguments, CallContext context) {
        List<String> problems = SchemaValidator.validate(tool.definition().inputSchema(), arguments);
        if (!problems.isEmpty()) {
            return CallToolResult.error("Invalid arguments for " + tool.definition().name() + ": "
                    + String.join("; ", problems) + ". Fix these and call the tool again.");
        }
        try {
            return tool.call(arguments, context);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "tool " + tool.definition().name() + " failed, incident " + incident, e);
            return CallToolResult.error("The tool " + tool.definition().name() + " failed unexpectedly (incident "
                    + incident + "). Retrying will not help; report the incident.");
        }
    }

    private static JsonRpcMessage invalidParams(JsonRpcMessage.Request request, String message) {
        return new JsonRpcMessage.Error(request.id(), new JsonRpcError(JsonRpcError.INVALID_PARAMS, message));
    }
}
