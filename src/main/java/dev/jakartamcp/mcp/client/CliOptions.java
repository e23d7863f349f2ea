package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.client.auth.FileTokenStore;

import java.nio.file.Path;
import java.time.Duration;

/** The command line's sign-in options: where tokens are kept, how a person or a machine signs in. */
final class CliOptions {

    /** The machine client's secret, when --client-secret is not given (it would show in ps). */
    static final String SECRET_VARIABLE = "MCP_CLIENT_SECRET";

    Path tokenFile = FileTokenStore.defaultFile();
    Duration loginTimeout = McpClientCli.DEFAULT_LOGIN_TIMEOUT;
    boolean browser = true;
    String clientId;
    String clientSecret;
    String scope;
}
