package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpServer;
import dev.jakartamcp.mcp.client.McpClient;
import dev.jakartamcp.mcp.client.McpClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The transport and OAuth together: a server that keeps asking for more scope is not obliged forever. */
class McpClientOAuthTest {

    HttpServer server;
    String base;
    final AtomicInteger authorizations = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        String prm = base + "/.well-known/oauth-protected-resource/mcp";
        server.createContext("/.well-known/oauth-protected-resource/mcp", x -> OAuthClientTest.json(x, 200,
                "{\"resource\":\"" + base + "/mcp\",\"authorization_servers\":[\"" + base + "\"]}"));
        server.createContext("/.well-known/oauth-authorization-server", x -> OAuthClientTest.json(x, 200, "{\"issuer\":\"" + base + "\","
                + "\"authorization_endpoint\":\"" + base + "/authorize\",\"token_endpoint\":\"" + base + "/token\","
                + "\"registration_endpoint\":\"" + base + "/register\",\"response_types_supported\":[\"code\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"],\"token_endpoint_auth_methods_supported\":[\"none\"]}"));
        server.createContext("/register", x -> OAuthClientTest.json(x, 201, "{\"client_id\":\"c1\"}"));
        AtomicInteger tokens = new AtomicInteger();
        server.createContext("/token", x -> {
            x.getRequestBody().readAllBytes();
            OAuthClientTest.json(x, 200, "{\"access_token\":\"tok-" + tokens.incrementAndGet() + "\",\"token_type\":\"Bearer\"}");
        });
        server.createContext("/mcp", x -> {
            x.getRequestBody().readAllBytes();
            boolean bearer = x.getRequestHeaders().getFirst("Authorization") != null;
            // every token is short of a scope never asked for before
            x.getResponseHeaders().set("WWW-Authenticate", bearer
                    ? "Bearer error=\"insufficient_scope\", scope=\"s" + authorizations.get() + "\", resource_metadata=\"" + prm + "\""
                    : "Bearer resource_metadata=\"" + prm + "\"");
            x.sendResponseHeaders(bearer ? 403 : 401, -1);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void oneRequestCausesAtMostThreeAuthorizations() {
        OAuthClient oauth = OAuthClient.builder(base + "/mcp").authorization(url -> {
            authorizations.incrementAndGet();
            Map<String, List<String>> q = URLUtils.parseParameters(url.getRawQuery());
            return URI.create("http://127.0.0.1:33418/callback?code=c&state=" + q.get("state").get(0));
        }, URI.create("http://127.0.0.1:33418/callback")).build();
        McpClient.Builder client = McpClient.builder(base + "/mcp").protocol("2025-11-25").requestTimeout(Duration.ofSeconds(10))
                .authorization(oauth);
        assertThrows(McpClientException.class, client::connect);
        assertEquals(3, authorizations.get());
    }
}
