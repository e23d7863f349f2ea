package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.Content;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;
import dev.jakartamcp.mcp.protocol.ToolDefinition;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar mcp-client.jar [--json] <command> <url> [args]}: the client from a shell.
 * Exit codes: 0 ok, 1 protocol or connection failure, 2 the tool answered with isError.
 */
public final class McpClientCli {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int TOOL_ERROR = 2;
    /** The conformance scenario's tool that echoes a schema the client passes back. */
    private static final String SCHEMA_ECHO = "json_schema_echo";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final String protocol;

    McpClientCli(PrintStream out, PrintStream err, boolean json, String protocol) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.protocol = protocol;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean json = rest.remove("--json");
        String protocol = "auto";
        int p = rest.indexOf("--protocol");
        if (p >= 0) {
            if (p + 1 >= rest.size()) {
                err.println("error: --protocol needs a value: auto, 2026-07-28 or 2025-11-25");
                return FAILURE;
            }
            protocol = rest.remove(p + 1);
            rest.remove(p);
            try {
                Protocol.parse(protocol);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return FAILURE;
            }
        }
        if (rest.size() < 2) {
            err.println("""
                    usage: java -jar mcp-client.jar [--json] [--protocol auto|2026-07-28|2025-11-25] <command> <url> [args]
                      tools <url>                        list the tools
                      call <url> <tool> <json-args>      call a tool
                      resources <url>                    list the resources
                      read <url> <uri>                   read a resource
                      prompts <url>                      list the prompts
                      prompt <url> <name> <json-args>    get a prompt
                      conformance <url>                  run the conformance client scenario named by MCP_CONFORMANCE_SCENARIO
                    --protocol: the era to speak; auto (default) tries 2026-07-28 and falls back to initialize
                    exit codes: 0 ok, 1 protocol or connection failure, 2 the tool answered with isError""");
            return FAILURE;
        }
        try {
            return new McpClientCli(out, err, json, protocol).execute(rest.get(0), rest.get(1), rest.subList(2, rest.size()));
        } catch (McpClientException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return FAILURE;
        }
    }

    private int execute(String command, String url, List<String> args) {
        if (command.equals("conformance")) {
            return conformance(url, System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", ""));
        }
        try (McpClient client = McpClient.builder(url).clientInfo("jakarta-mcp-cli", "1.0.0").protocol(protocol).connect()) {
            switch (command) {
                case "tools" -> printList(client.listTools(), ToolDefinition::toJson, t -> t.name() + "  " + nullToEmpty(t.description()));
                case "resources" -> printList(client.listResources(), ResourceDefinition::toJson,
                        r -> r.uri() + "  " + r.name() + (r.description() == null ? "" : "  " + r.description()));
                case "prompts" -> printList(client.listPrompts(), PromptDefinition::toJson, p -> p.name() + "  " + nullToEmpty(p.description()));
                case "call" -> {
                    CallToolResult result = client.callTool(arg(args, 0, "tool"), JsonCodec.parseObject(args.size() > 1 ? args.get(1) : "{}"));
                    if (json) {
                        out.println(JsonCodec.write(result.toJson()));
                    } else {
                        result.content().forEach(c -> out.println(describe(c)));
                        if (result.structuredContent() != null && result.content().isEmpty()) {
                            out.println(JsonCodec.write(result.structuredContent()));
                        }
                    }
                    return result.isError() ? TOOL_ERROR : OK;
                }
                case "read" -> client.readResource(arg(args, 0, "uri")).forEach(c -> out.println(json ? JsonCodec.write(c.toJson())
                        : c.text() != null ? c.text() : "(" + c.mimeType() + ", " + c.blob().length() + " base64 characters)"));
                case "prompt" -> {
                    JsonObject given = JsonCodec.parseObject(args.size() > 1 ? args.get(1) : "{}");
                    Map<String, String> arguments = new LinkedHashMap<>();
                    given.forEach((k, v) -> arguments.put(k, v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
                    client.getPrompt(arg(args, 0, "name"), arguments).forEach(m -> out.println(json ? JsonCodec.write(m.toJson())
                            : m.role() + ": " + describe(m.content())));
                }
                default -> {
                    err.println("unknown command: " + command);
                    return FAILURE;
                }
            }
            return OK;
        }
    }

    /**
     * The conformance suite's client mode: connect, list the tools and call each with arguments made
     * from its schema; elicitation is accepted with the schema's defaults, sampling gets a canned answer.
     */
    private int conformance(String url, String scenario) {
        McpClient.Builder builder = McpClient.builder(url).clientInfo("jakarta-mcp-conformance-client", "1.0.0")
                .protocol(protocol)
                .requestTimeout(Duration.ofSeconds(30))
                .listen(true)
                .elicitation((message, schema) -> ElicitationHandler.Answer.accept(JsonValue.EMPTY_JSON_OBJECT))
                .sampling(params -> JsonCodec.object().add("role", "assistant")
                        .add("content", new Content.Text("A sampled answer").toJson())
                        .add("model", "conformance").add("stopReason", "endTurn").build());
        if (scenario.startsWith("auth/")) {
            builder.authorization(conformanceOAuth(url, scenario, context()));
        }
        int status = OK;
        try (McpClient client = builder.connect()) {
            err.println("scenario " + scenario + ": connected to " + client.serverInfo().name() + " speaking " + client.protocolVersion());
            List<ToolDefinition> tools = client.listTools();
            JsonObject context = context();
            if (context.get("toolCalls") instanceof jakarta.json.JsonArray calls) {
                // the scenario names its calls (http-custom-headers): exactly those, with their arguments
                for (JsonValue call : calls) {
                    JsonObject c = call.asJsonObject();
                    CallToolResult result = client.callTool(c.getString("name"),
                            c.get("arguments") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT);
                    err.println("called " + c.getString("name") + ": " + (result.isError() ? "error " : "") + result.text());
                }
                return OK;
            }
            for (ToolDefinition tool : tools) {
                JsonObject arguments = exampleArguments(tool.inputSchema());
                if (tool.name().equals(SCHEMA_ECHO)) {
                    // json-schema-2020-12-preservation: hand another tool's inputSchema back exactly as received
                    arguments = JsonCodec.object().add("schema", tools.stream().filter(t -> !t.name().equals(SCHEMA_ECHO))
                            .map(ToolDefinition::inputSchema).findFirst().orElse(JsonValue.EMPTY_JSON_OBJECT)).build();
                }
                CallToolResult result = client.callTool(tool.name(), arguments);
                err.println("called " + tool.name() + ": " + (result.isError() ? "error " : "") + result.text());
                if (result.isError()) {
                    status = TOOL_ERROR;
                }
            }
            if (client.isStateless()) {
                // every kind of named request once, so each one's headers are seen
                JsonObject capabilities = client.serverCapabilities();
                if (capabilities.containsKey("resources")) {
                    for (ResourceDefinition resource : client.listResources()) {
                        err.println("read " + resource.uri() + ": " + client.readResource(resource.uri()).size() + " contents");
                    }
                }
                if (capabilities.containsKey("prompts")) {
                    for (PromptDefinition prompt : client.listPrompts()) {
                        err.println("got prompt " + prompt.name() + ": " + client.getPrompt(prompt.name(), Map.of()).size() + " messages");
                    }
                }
            }
        }
        return status;
    }

    /** The client metadata document URL the conformance suite's CIMD scenarios expect as client_id. */
    static final String CONFORMANCE_CLIENT_METADATA_URL = "https://conformance-test.local/client-metadata.json";

    /**
     * OAuth as the conformance scenarios want it: credentials from the context (pre-registered, or a
     * machine client's secret or private key), the suite's client metadata URL, and authorization
     * without a person: the suite's authorization server redirects at once, so the client fetches
     * the authorization URL and reads the redirect.
     */
    static dev.jakartamcp.mcp.client.auth.OAuthClient conformanceOAuth(String url, String scenario, JsonObject context) {
        var oauth = dev.jakartamcp.mcp.client.auth.OAuthClient.builder(url)
                .clientName("jakarta-mcp-conformance-client")
                .clientMetadataUrl(CONFORMANCE_CLIENT_METADATA_URL)
                .redirectUri(java.net.URI.create("http://localhost:3000/callback"))
                .clientCredentials(scenario.startsWith("auth/client-credentials"));
        String clientId = context.getString("client_id", null);
        if (context.get("private_key_pem") instanceof jakarta.json.JsonString pem) {
            String alg = context.getString("signing_algorithm", "ES256");
            oauth.privateKeyJwt(clientId, dev.jakartamcp.mcp.client.auth.OAuthClient.privateKeyFromPem(pem.getString(),
                    alg.startsWith("ES") ? "EC" : "RSA"), alg);
        } else if (clientId != null) {
            oauth.client(clientId, context.getString("client_secret", null));
        }
        return oauth.build();
    }

    /** MCP_CONFORMANCE_CONTEXT: what some scenarios tell the client (JSON), or an empty object. */
    private static JsonObject context() {
        String text = System.getenv("MCP_CONFORMANCE_CONTEXT");
        return text == null || text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonCodec.parseObject(text);
    }

    /** Arguments that satisfy a simple schema: its defaults, or a plain value of each required type. */
    static JsonObject exampleArguments(JsonObject schema) {
        JsonObjectBuilder args = JsonCodec.object();
        JsonObject properties = schema.getJsonObject("properties");
        if (properties == null) {
            return args.build();
        }
        int n = 1;
        for (var p : properties.entrySet()) {
            if (!(p.getValue() instanceof JsonObject property)) {
                continue;
            }
            if (property.containsKey("default")) {
                args.add(p.getKey(), property.get("default"));
                continue;
            }
            switch (property.getString("type", "string")) {
                case "number", "integer" -> args.add(p.getKey(), n++);
                case "boolean" -> args.add(p.getKey(), true);
                case "array" -> args.add(p.getKey(), JsonValue.EMPTY_JSON_ARRAY);
                case "object" -> args.add(p.getKey(), JsonValue.EMPTY_JSON_OBJECT);
                default -> args.add(p.getKey(), property.getJsonArray("enum") != null
                        ? property.getJsonArray("enum").get(0) : JsonCodec.string("test"));
            }
        }
        return args.build();
    }

    private <T> void printList(List<T> items, java.util.function.Function<T, JsonObject> toJson,
                               java.util.function.Function<T, String> line) {
        if (json) {
            JsonArrayBuilder array = JsonCodec.array();
            items.forEach(i -> array.add(toJson.apply(i)));
            out.println(JsonCodec.write(array.build()));
        } else {
            items.forEach(i -> out.println(line.apply(i)));
        }
    }

    private static String describe(Content c) {
        if (c instanceof Content.Text t) return t.text();
        if (c instanceof Content.Image i) return "[image " + i.mimeType() + "]";
        if (c instanceof Content.Audio a) return "[audio " + a.mimeType() + "]";
        if (c instanceof Content.EmbeddedResource r) return "[resource " + r.resource().uri() + "]"
                + (r.resource().text() == null ? "" : "\n" + r.resource().text());
        if (c instanceof Content.ResourceLink l) return "[link " + l.uri() + "]";
        return c.toString();
    }

    private static String arg(List<String> args, int index, String name) {
        if (args.size() <= index) {
            throw new IllegalArgumentException("missing <" + name + ">");
        }
        return args.get(index);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
