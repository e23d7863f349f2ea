package dev.jakartamcp.mcp.client;

import dev.jakartamcp.mcp.client.auth.FileTokenStore;
import dev.jakartamcp.mcp.client.auth.LoopbackRedirect;
import dev.jakartamcp.mcp.client.auth.OAuthClient;
import dev.jakartamcp.mcp.client.auth.StoredToken;
import dev.jakartamcp.mcp.client.auth.TokenRevocation;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import static dev.jakartamcp.mcp.client.McpClientCli.FAILURE;
import static dev.jakartamcp.mcp.client.McpClientCli.OK;

/**
 * The command line's sign-ins: login and logout, and the OAuth every other command uses (the token
 * file's sign-in, or a machine client's client_credentials).
 */
final class CliSignIn {

    private final CliOptions options;
    private final PrintStream err;
    private final String protocol;

    CliSignIn(CliOptions options, PrintStream err, String protocol) {
        this.options = options;
        this.err = err;
        this.protocol = protocol;
    }

    /**
     * OAuth for an ordinary command: a machine client gets its token by client_credentials (kept in
     * memory only); otherwise the token file's sign-in is used and refreshed, and a server that
     * wants a sign-in the file does not have ends the command with "run login" (no browser here).
     */
    OAuthClient oauthFor(String url) {
        OAuthClient.Builder oauth = OAuthClient.builder(url).clientName("jakarta-mcp-cli");
        if (options.clientSecret != null) {
            return oauth.client(options.clientId, options.clientSecret).clientCredentials(true).build();
        }
        oauth.tokenStore(new FileTokenStore(options.tokenFile)).interactive(false);
        if (options.clientId != null) {
            oauth.client(options.clientId, null);
        }
        return oauth.build();
    }

    /**
     * Signs a person in: the server's 401 leads to its authorization server, the browser shows the
     * provider's login, the redirect comes back to a loopback listener (RFC 8252), and the tokens go
     * to the owner-only token file for later commands.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-code-protection
     */
    int login(String url) {
        if (options.clientSecret != null) {
            err.println("error: login signs a person in; with --client-secret the client is a machine, which needs no login: "
                    + "run the command itself with --client-id and --client-secret");
            return FAILURE;
        }
        FileTokenStore store = new FileTokenStore(options.tokenFile);
        try (LoopbackRedirect loopback = startLoopback()) {
            OAuthClient.Builder builder = OAuthClient.builder(url).clientName("jakarta-mcp-cli").tokenStore(store)
                    .authorization(loopback, loopback.redirectUri()).freshAuthorization(true).scope(options.scope);
            if (options.clientId != null) {
                builder.client(options.clientId, null);
            }
            OAuthClient oauth = builder.build();
            try (McpClient client = McpClient.builder(url).clientInfo("jakarta-mcp-cli", "1.0.0").protocol(protocol)
                    .authorization(oauth).connect()) {
                if (oauth.accessToken() == null) {
                    err.println(url + " did not ask for a sign-in: nothing to store");
                    return OK;
                }
                err.println("signed in to " + url + " (" + client.serverInfo().name() + "); tokens saved in " + store.file());
                return OK;
            }
        } catch (java.io.IOException e) {
            err.println("error: cannot listen on the loopback address for the sign-in's redirect: " + e.getMessage());
            return FAILURE;
        }
    }

    private LoopbackRedirect startLoopback() throws java.io.IOException {
        return LoopbackRedirect.start(options.loginTimeout, authorizationUrl -> {
            err.println("Sign in at this address (waiting " + options.loginTimeout.toSeconds() + " s):");
            err.println(authorizationUrl);
            err.flush();
            if (options.browser) {
                BrowserOpener.open(authorizationUrl, err);
            }
        });
    }

    /**
     * Forgets the server's tokens and revokes them at the provider where it can (RFC 7009); a
     * provider that cannot be reached or refuses does not stop the forgetting.
     */
    int logout(String url) {
        FileTokenStore store = new FileTokenStore(options.tokenFile);
        List<StoredToken> removed = store.removeFor(java.net.URI.create(url));
        if (removed.isEmpty()) {
            err.println("no sign-in stored for " + url + " in " + store.file());
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        for (StoredToken t : removed) {
            err.println("removed the sign-in for " + t.resource() + " from " + t.issuer() + " (" + store.file() + "); "
                    + TokenRevocation.revoke(t, store.client(t.issuer()), http, Duration.ofSeconds(15)));
        }
        return OK;
    }
}
