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

import dev.jakartamcp.mcp.client.auth.FileTokenStore;
import dev.jakartamcp.mcp.client.auth.LoginRequiredException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
    /** The server wants a sign-in this client does not have: run login. */
    static final int LOGIN_REQUIRED = 3;
    /** The conformance scenario's tool that echoes a schema the client passes back. */
    private static final String SCHEMA_ECHO = "json_schema_echo";
    static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofMinutes(5);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final String protocol;
    private final CliOptions options;

    McpClientCli(PrintStream out, PrintStream err, boolean json, String protocol) {
        this(out, err, json, protocol, new CliOptions());
    }

    McpClientCli(PrintStream out, PrintStream err, boolean json, String protocol, CliOptions options) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.protocol = protocol;
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean json = rest.remove("--json");
        CliOptions options = new CliOptions();
        String protocol;
        try {
            protocol = option(rest, "--protocol", "auto");
            Protocol.parse(protocol);
            options.browser = !rest.remove("--no-browser");
            options.tokenFile = Path.of(option(rest, "--token-file", options.tokenFile.toString()));
            options.loginTimeout = duration(option(rest, "--login-timeout", null), DEFAULT_LOGIN_TIMEOUT);
            options.clientId = option(rest, "--client-id", null);
            options.clientSecret = option(rest, "--client-secret", null);
            options.scope = option(rest, "--scope", null);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
        if (options.clientSecret == null && options.clientId != null && !rest.isEmpty() && !rest.get(0).equals("login")) {
            // a machine client's secret from the environment: kept out of the process list and the shell history
            options.clientSecret = blankToNull(System.getenv(CliOptions.SECRET_VARIABLE));
        }
        if (options.clientSecret != null && options.clientId == null) {
            err.println("error: --client-secret needs --client-id");
            return FAILURE;
        }
        if (rest.size() < 2) {
            err.println("""
                    usage: java -jar mcp-client.jar [options] <command> <url> [args]
                      login <url>                        sign in through the browser; the tokens go to the token file
                      logout <url>                       forget the tokens for that server
                      tools <url>                        list the tools
                      call <url> <tool> <json-args>      call a tool
                      resources <url>                    list the resources
                      read <url> <uri>                   read a resource
                      prompts <url>                      list the prompts
                      prompt <url> <name> <json-args>    get a prompt
                      conformance <url>                  run the conformance client scenario named by MCP_CONFORMANCE_SCENARIO
                    options:
                      --json                             print JSON
                      --protocol auto|2026-07-28|2025-11-25   the era to speak; auto (default) tries 2026-07-28, falls back to initialize
                      --token-file <file>                where sign-ins are kept (default $XDG_CONFIG_HOME or ~/.config/jakarta-mcp/tokens.json)
                      --no-browser                       login: only print the authorization URL, do not open a browser
                      --login-timeout <time>             login: how long to wait for the browser, e.g. 300, 90s, 5m (default 5m)
                      --scope "<scopes>"                 login: the scopes to ask for (default: what the server asks for)
                      --client-id <id>                   a pre-registered client: with login, a public client (PKCE, no secret)
                      --client-secret <secret>           with --client-id: a machine client; every command gets its own token
                                                         by client_credentials, nothing is stored (or set MCP_CLIENT_SECRET)
                    exit codes: 0 ok, 1 protocol or connection failure, 2 the tool answered with isError, 3 sign-in needed (run login)""");
            return FAILURE;
        }
        String url = rest.get(1);
        try {
            return new McpClientCli(out, err, json, protocol, options).execute(rest.get(0), url, rest.subList(2, rest.size()));
        } catch (LoginRequiredException e) {
            String login = "java -jar mcp-client.jar login " + url
                    + (options.tokenFile.equals(FileTokenStore.defaultFile()) ? "" : " --token-file " + options.tokenFile);
            err.println("error: " + e.getMessage() + (e.scope() == null ? ". Sign in first: " + login
                    : ". Sign in again asking for it: " + login + " --scope \"" + e.scope() + "\""));
            return LOGIN_REQUIRED;
        } catch (McpClientException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return FAILURE;
        }
    }

    /** Removes {@code name value} from the arguments and returns the value, or the default when absent. */
    private static String option(List<String> args, String name, String absent) {
        int i = args.indexOf(name);
        if (i < 0) {
            return absent;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.remove(i + 1);
        args.remove(i);
        return value;
    }

    /** 300 (seconds), 90s, 5m, 1h; at least a second, at most a day. */
    static Duration duration(String text, Duration absent) {
        if (text == null) {
            return absent;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smh]?)").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 300, 90s, 5m)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a duration between 1 s and 24 h, not " + text);
        }
        return d;
    }

    private int execute(String command, String url, List<String> args) {
        if (command.equals("conformance")) {
            return conformance(url, System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", ""));
        }
        if (command.equals("login")) {
            return new CliSignIn(options, err, protocol).login(url);
        }
        if (command.equals("logout")) {
            return new CliSignIn(options, err, protocol).logout(url);
        }
        if (!java.util.Set.of("tools", "call", "resources", "read", "prompts", "prompt").contains(command)) {
            err.println("unknown command: " + command);
            return FAILURE;
        }
        McpClient.Builder builder = McpClient.builder(url).clientInfo("jakarta-mcp-cli", "1.0.0").protocol(protocol)
                .authorization(new CliSignIn(options, err, protocol).oauthFor(url));
        try (McpClient client = builder.connect()) {
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
