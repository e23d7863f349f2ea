package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.security.AuditLog;
import dev.jakartamcp.mcp.protocol.Implementation;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcError;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import dev.jakartamcp.mcp.protocol.LogLevel;
import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers MCP requests for any {@link McpServer}: lifecycle, ping, tools, resources, prompts,
 * completion and logging. Knows nothing of HTTP.
 */
@ApplicationScoped
public class McpDispatcher {

    private static final Logger LOG = Logger.getLogger(McpDispatcher.class.getName());

    @Inject
    SessionManager sessions;

    @Inject
    SessionChannels channels;

    @Inject
    McpServerConfig config;

    @Inject
    McpLimits limits;

    @Inject
    AuditLog audit;

    @Inject
    MultiRoundTrips roundTrips;

    /**
     * The outcome of initialize: a new session and the response, or only an error response.
     * {@code overloaded} says the error is the session cap, which the transport answers with 503.
     */
    public record InitializeOutcome(Optional<McpSession> session, JsonRpcMessage response,
                                    SessionManager.Refusal refusal, long retryAfterSeconds) {
        InitializeOutcome(JsonRpcMessage response) {
            this(Optional.empty(), response, null, 0);
        }
    }

    /**
     * Version negotiation and capability exchange; creates the session.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
     */
    public InitializeOutcome initialize(McpServer server, JsonRpcMessage.Request request, String client) {
        JsonObject params = request.params();
        JsonValue requested = params.get("protocolVersion");
        if (requested == null || requested.getValueType() != ValueType.STRING) {
            return new InitializeOutcome(error(request, JsonRpcError.INVALID_PARAMS, "initialize needs a string \"protocolVersion\""));
        }
        JsonValue capabilities = params.get("capabilities");
        if (capabilities != null && capabilities.getValueType() != ValueType.OBJECT) {
            return new InitializeOutcome(error(request, JsonRpcError.INVALID_PARAMS, "\"capabilities\" must be an object"));
        }
        JsonValue clientInfo = params.get("clientInfo");
        if (clientInfo != null && clientInfo.getValueType() != ValueType.OBJECT) {
            return new InitializeOutcome(error(request, JsonRpcError.INVALID_PARAMS, "\"clientInfo\" must be an object"));
        }
        String version = ProtocolVersion.negotiate(((JsonString) requested).getString());
        String capabilityText = capabilities == null ? "{}" : JsonCodec.write(capabilities);
        // the session keeps both for its lifetime: bounded, like everything a client makes us keep
        if (capabilityText.length() > limits.initializeMaxClientBytes()
                || (clientInfo != null && JsonCodec.write(clientInfo).length() > limits.initializeMaxClientBytes())) {
            return new InitializeOutcome(error(request, JsonRpcError.INVALID_PARAMS,
                    "\"capabilities\" and \"clientInfo\" may have at most " + limits.initializeMaxClientBytes() + " bytes each"));
        }
        Implementation info = Implementation.fromJson(clientInfo == null ? null : clientInfo.asJsonObject());
        SessionManager.Creation creation = sessions.create(server.name(), version, info.name(), info.version(), capabilityText, client);
        Optional<McpSession> session = creation.session();
        if (session.isEmpty()) {
            String why = switch (creation.refusal()) {
                case SERVER_FULL -> "Too many sessions (" + config.maxSessions() + "); try again later";
                case CLIENT_FULL -> "This client holds too many sessions (" + limits.maxSessionsPerClient()
                        + "); end some with DELETE first";
                case RATE_LIMITED -> "Sessions are created too fast; slow down";
            };
            return new InitializeOutcome(Optional.empty(), error(request, JsonRpcError.LIMIT_EXCEEDED, why),
                    creation.refusal(), creation.retryAfterSeconds());
        }
        JsonObjectBuilder result = JsonCodec.object()
                .add("protocolVersion", version)
                .add("capabilities", capabilities(server))
                .add("serverInfo", server.info().toJson());
        if (server.instructions() != null) {
            result.add("instructions", server.instructions());
        }
        return new InitializeOutcome(session, new JsonRpcMessage.Result(request.id(), result.build()), null, 0);
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#capability-negotiation */
    private static JsonObject capabilities(McpServer server) {
        JsonObjectBuilder caps = JsonCodec.object()
                .add("tools", JsonCodec.object().add("listChanged", true))
                .add("logging", JsonValue.EMPTY_JSON_OBJECT);
        if (!server.resources().isEmpty()) {
            caps.add("resources", JsonCodec.object().add("subscribe", true).add("listChanged", false));
        }
        if (!server.prompts().isEmpty()) {
            caps.add("prompts", JsonCodec.object().add("listChanged", true));
        }
        if (!server.resources().isEmpty() || !server.prompts().isEmpty()) {
            caps.add("completions", JsonValue.EMPTY_JSON_OBJECT);
        }
        return caps.build();
    }

    /** Answers a request inside an established session. */
    public JsonRpcMessage handle(McpServer server, JsonRpcMessage.Request request, CallContext context) {
        McpSession session = context.session();
        // the client SHOULD NOT send requests other than pings before the initialized notification
        // https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
        if (!session.initialized() && !"ping".equals(request.method())) {
            return error(request, JsonRpcError.INVALID_REQUEST,
                    "The session is not initialized yet: send notifications/initialized first");
        }
        try {
            JsonObject params = request.params();
            JsonObject result = switch (request.method()) {
                // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/ping
                case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
                case "tools/list" -> listTools(server, params, context.caller());
                case "tools/call" -> callTool(server, params, context);
                case "resources/list" -> list(server.resources().page(cursor(params), config.toolsPageSize()), "resources", r -> r.toJson());
                case "resources/templates/list" ->
                        list(server.resources().templatePage(cursor(params), config.toolsPageSize()), "resourceTemplates", r -> r.toJson());
                case "resources/read" -> readResource(server, params, context);
                case "resources/subscribe" -> subscribe(server, params, session, true);
                case "resources/unsubscribe" -> subscribe(server, params, session, false);
                case "prompts/list" -> list(server.prompts().page(cursor(params), config.toolsPageSize()), "prompts", p -> p.toJson());
                case "prompts/get" -> getPrompt(server, params, context);
                case "completion/complete" -> complete(server, params);
                case "logging/setLevel" -> setLevel(params, session);
                case "initialize" -> throw new McpError(new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                        "This session is already initialized; start a new session without Mcp-Session-Id"));
                default -> throw new McpError(new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
            };
            return new JsonRpcMessage.Result(request.id(), result);
        } catch (McpError e) {
            return new JsonRpcMessage.Error(request.id(), e.error());
        } catch (RuntimeException e) {
            // -32603 carries an incident id for the log, never a stack trace
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "MCP request " + request.method() + " failed, incident " + incident, e);
            return error(request, JsonRpcError.INTERNAL_ERROR, "Internal error (incident " + incident + ")");
        }
    }

    /**
     * Answers a 2026-07-28 request: no session, no initialize; what the client can do travels in
     * the request's _meta. Methods the revision removed, and those of capabilities this server does
     * not advertise, are unknown (-32601).
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/index
     */
    public JsonRpcMessage handleStateless(McpServer server, JsonRpcMessage.Request request, StatelessContext context) {
        try {
            if (!StatelessMethods.serves(server, request.method())) {
                throw new McpError(new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
            }
            JsonObject params = request.params();
            if (MultiRoundTrips.METHODS.contains(request.method())) {
                if ("tools/call".equals(request.method())) {
                    requireCapabilities(server, params, context);
                }
                MultiRoundTrips.Outcome outcome = roundTrips.run(server, request, context, declaresDestructive(server, request),
                        asking -> switch (request.method()) {
                    case "tools/call" -> callTool(server, params, asking);
                    case "prompts/get" -> getPrompt(server, params, asking);
                    default -> readResource(server, params, asking);
                });
                return new JsonRpcMessage.Result(request.id(), outcome.inputRequired()
                        ? StatelessResults.inputRequired(server, outcome.result())
                        : StatelessResults.complete(server, request.method(), outcome.result(), context.caller()));
            }
            JsonObject result = "server/discover".equals(request.method())
                    ? DiscoverResult.of(server).toJson() : answer(server, request, context);
            return new JsonRpcMessage.Result(request.id(), StatelessResults.complete(server, request.method(), result, context.caller()));
        } catch (McpError e) {
            return new JsonRpcMessage.Error(request.id(), StatelessResults.error(e.error()));
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "MCP request " + request.method() + " failed, incident " + incident, e);
            return error(request, JsonRpcError.INTERNAL_ERROR, "Internal error (incident " + incident + ")");
        }
    }

    /** A tools/call of a tool that says it destroys something (destructiveHint true). */
    private static boolean declaresDestructive(McpServer server, JsonRpcMessage.Request request) {
        return "tools/call".equals(request.method()) && request.params().get("name") instanceof JsonString name
                && server.tools().find(name.getString())
                .map(tool -> tool.definition().annotations() != null
                        && Boolean.TRUE.equals(tool.definition().annotations().destructiveHint()))
                .orElse(false);
    }

    /**
     * A tool that cannot do its work without a client capability the request did not declare is
     * refused before it runs: -32021 with the capabilities it needs.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/index
     */
    private static void requireCapabilities(McpServer server, JsonObject params, StatelessContext context) {
        if (!(params.get("name") instanceof JsonString name)) {
            return; // callTool says what is wrong
        }
        McpTool tool = server.tools().find(name.getString()).orElse(null);
        JsonObject required = tool == null ? JsonValue.EMPTY_JSON_OBJECT : tool.requiredClientCapabilities();
        if (required.keySet().stream().anyMatch(c -> !context.clientSupports(c))) {
            throw new McpError(new JsonRpcError(JsonRpcError.MISSING_CAPABILITY, "The tool " + name.getString()
                    + " needs client capabilities this request did not declare: " + String.join(", ", required.keySet()),
                    JsonCodec.object().add("requiredCapabilities", required).build()));
        }
    }

    /** The other methods both revisions answer alike. */
    private JsonObject answer(McpServer server, JsonRpcMessage.Request request, CallContext context) {
        JsonObject params = request.params();
        return switch (request.method()) {
            case "tools/list" -> listTools(server, params, context.caller());
            case "resources/list" -> list(server.resources().page(cursor(params), config.toolsPageSize()), "resources", r -> r.toJson());
            case "resources/templates/list" ->
                    list(server.resources().templatePage(cursor(params), config.toolsPageSize()), "resourceTemplates", r -> r.toJson());
            case "prompts/list" -> list(server.prompts().page(cursor(params), config.toolsPageSize()), "prompts", p -> p.toJson());
            case "completion/complete" -> complete(server, params);
            default -> throw new McpError(new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
        };
    }

    /** Notifications from the client. Unknown ones are ignored, as JSON-RPC allows. */
    public void accept(JsonRpcMessage.Notification notification, McpSession session) {
        switch (notification.method()) {
            // https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization
            case "notifications/initialized" -> {
                if (!session.initialized()) {
                    sessions.markReady(session);
                }
            }
            // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
            case "notifications/cancelled" -> {
                JsonValue id = notification.params().get("requestId");
                SessionChannel channel = channels.get(session.id());
                if (id != null && channel != null) {
                    channel.cancel(id.toString());
                }
            }
            default -> {
            }
        }
    }

    static <T> JsonObject list(Pages.Page<T> page, String key, Function<T, JsonObject> toJson) {
        JsonArrayBuilder items = JsonCodec.array();
        page.items().forEach(i -> items.add(toJson.apply(i)));
        JsonObjectBuilder result = JsonCodec.object().add(key, items);
        if (page.nextCursor() != null) {
            result.add("nextCursor", page.nextCursor());
        }
        return result.build();
    }

    /**
     * tools/list shows a signed-in caller only the tools their token may call; everyone else gets the
     * cached pages.
     * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#listing-tools
     */
    private JsonObject listTools(McpServer server, JsonObject params, Caller caller) {
        if (caller != null && caller.signedIn()) {
            return list(server.tools().page(cursor(params), config.toolsPageSize(), t -> caller.mayUse(t.requiredScope())),
                    "tools", t -> t.toJson());
        }
        return server.tools().pageJson(cursor(params), config.toolsPageSize(), page -> list(page, "tools", t -> t.toJson()));
    }

    private static String cursor(JsonObject params) {
        JsonValue cursor = params.get("cursor");
        if (cursor == null || cursor.getValueType() == ValueType.NULL) {
            return null;
        }
        if (cursor.getValueType() != ValueType.STRING) {
            throw McpError.invalidParams("\"cursor\" must be a string");
        }
        return ((JsonString) cursor).getString();
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/tools#calling-tools */
    private JsonObject callTool(McpServer server, JsonObject params, CallContext context) {
        String toolName = requiredString(params, "name", "tools/call");
        JsonValue arguments = params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        if (arguments.getValueType() == ValueType.NULL) {
            arguments = JsonValue.EMPTY_JSON_OBJECT;
        }
        if (arguments.getValueType() != ValueType.OBJECT) {
            throw McpError.invalidParams("\"arguments\" must be an object");
        }
        // unknown tools are a protocol error: https://modelcontextprotocol.io/specification/2025-11-25/server/tools#error-handling
        McpTool tool = server.tools().find(toolName).orElseThrow(() -> McpError.invalidParams("Unknown tool: " + toolName));
        CallToolResult result = invoke(tool, arguments.asJsonObject(), context);
        audit.toolCall(context.caller() == null ? null : context.caller().principal(),
                context.session() == null ? "none (stateless)" : context.session().id(), server.name(), toolName, JsonCodec.write(arguments),
                context.isCancelled() ? "cancelled" : result.isError() ? "error" : "ok");
        return result.toJson();
    }

    /**
     * Input validation errors are tool execution errors (isError), so the model can fix its call.
     * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#error-handling
     */
    private static CallToolResult invoke(McpTool tool, JsonObject arguments, CallContext context) {
        List<String> problems = SchemaValidator.validate(tool.definition().inputSchema(), arguments);
        if (!problems.isEmpty()) {
            return CallToolResult.error("Invalid arguments for " + tool.definition().name() + ": "
                    + String.join("; ", problems) + ". Fix these and call the tool again.");
        }
        try {
            return tool.call(arguments, context);
        } catch (InputRequiredException asked) {
            throw asked; // not a failure: the dispatcher asks the client
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "tool " + tool.definition().name() + " failed, incident " + incident, e);
            return CallToolResult.error("The tool " + tool.definition().name() + " failed unexpectedly (incident "
                    + incident + "). Retrying will not help; report the incident.");
        }
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/resources#reading-resources */
    private JsonObject readResource(McpServer server, JsonObject params, CallContext context) {
        String uri = uri(params, "resources/read");
        JsonArrayBuilder contents = JsonCodec.array();
        server.resources().read(uri, context).forEach(c -> contents.add(c.toJson()));
        return JsonCodec.object().add("contents", contents).build();
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/resources#subscriptions */
    private JsonObject subscribe(McpServer server, JsonObject params, McpSession session, boolean on) {
        String uri = uri(params, on ? "resources/subscribe" : "resources/unsubscribe");
        if (on && !server.resources().knows(uri)) {
            throw McpError.resourceNotFound(uri);
        }
        SessionChannel channel = channels.get(session.id());
        if (channel == null) {
            throw new McpError(new JsonRpcError(JsonRpcError.SESSION_NOT_FOUND, "The session has ended"));
        }
        if (on && !channel.subscribe(uri, limits.maxSubscriptions())) {
            throw McpError.invalidParams("A session may hold at most " + limits.maxSubscriptions()
                    + " subscriptions; unsubscribe from some first");
        }
        if (!on) {
            channel.unsubscribe(uri);
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/prompts#getting-a-prompt */
    private static JsonObject getPrompt(McpServer server, JsonObject params, CallContext context) {
        String name = requiredString(params, "name", "prompts/get");
        McpPrompt prompt = server.prompts().find(name).orElseThrow(() -> McpError.invalidParams("Unknown prompt: " + name));
        JsonValue given = params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        if (given.getValueType() != ValueType.OBJECT && given.getValueType() != ValueType.NULL) {
            throw McpError.invalidParams("\"arguments\" must be an object of strings");
        }
        Map<String, String> arguments = new HashMap<>();
        if (given.getValueType() == ValueType.OBJECT) {
            for (var e : given.asJsonObject().entrySet()) {
                if (e.getValue().getValueType() != ValueType.STRING) {
                    throw McpError.invalidParams("Prompt argument \"" + e.getKey() + "\" must be a string");
                }
                arguments.put(e.getKey(), ((JsonString) e.getValue()).getString());
            }
        }
        for (PromptDefinition.Argument a : prompt.definition().arguments()) {
            if (a.required() && (arguments.get(a.name()) == null || arguments.get(a.name()).isBlank())) {
                throw McpError.invalidParams("Missing required argument \"" + a.name() + "\" for prompt " + name);
            }
        }
        JsonArrayBuilder messages = JsonCodec.array();
        prompt.get(arguments, context).forEach(m -> messages.add(m.toJson()));
        JsonObjectBuilder result = JsonCodec.object().add("messages", messages);
        if (prompt.definition().description() != null) {
            result.add("description", prompt.definition().description());
        }
        return result.build();
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/completion */
    private static JsonObject complete(McpServer server, JsonObject params) {
        if (!(params.get("ref") instanceof JsonObject ref) || !(params.get("argument") instanceof JsonObject argument)) {
            throw McpError.invalidParams("completion/complete needs \"ref\" and \"argument\" objects");
        }
        String argumentName = requiredString(argument, "name", "argument");
        String value = argument.getString("value", "");
        List<String> values = switch (ref.getString("type", "")) {
            case "ref/prompt" -> {
                String name = requiredString(ref, "name", "ref");
                yield server.prompts().find(name).orElseThrow(() -> McpError.invalidParams("Unknown prompt: " + name))
                        .complete(argumentName, value);
            }
            case "ref/resource" -> {
                String uri = requiredString(ref, "uri", "ref");
                yield server.resources().template(uri).map(t -> t.complete(argumentName, value)).orElse(List.of());
            }
            default -> throw McpError.invalidParams("\"ref.type\" must be ref/prompt or ref/resource");
        };
        // at most 100 values per response
        List<String> page = values.size() > 100 ? values.subList(0, 100) : values;
        JsonArrayBuilder array = JsonCodec.array();
        page.forEach(array::add);
        return JsonCodec.object().add("completion", JsonCodec.object().add("values", array)
                .add("total", values.size()).add("hasMore", values.size() > page.size())).build();
    }

    /** https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging#setting-log-level */
    private JsonObject setLevel(JsonObject params, McpSession session) {
        String wire = requiredString(params, "level", "logging/setLevel");
        LogLevel level = LogLevel.parse(wire).orElseThrow(() -> McpError.invalidParams("Invalid log level: " + wire
                + "; use debug, info, notice, warning, error, critical, alert or emergency"));
        sessions.update(session.withLogLevel(level));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** A resource URI, bounded in length: subscriptions keep it for the session's life. */
    private String uri(JsonObject params, String where) {
        String uri = requiredString(params, "uri", where);
        if (uri.length() > limits.uriMaxLength()) {
            throw McpError.invalidParams("\"uri\" may have at most " + limits.uriMaxLength() + " characters");
        }
        return uri;
    }

    private static String requiredString(JsonObject params, String key, String where) {
        JsonValue value = params.get(key);
        if (value == null || value.getValueType() != ValueType.STRING) {
            throw McpError.invalidParams(where + " needs a string \"" + key + "\"");
        }
        return ((JsonString) value).getString();
    }

    private static JsonRpcMessage error(JsonRpcMessage.Request request, int code, String message) {
        return new JsonRpcMessage.Error(request.id(), new JsonRpcError(code, message));
    }
}
