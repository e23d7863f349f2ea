package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One origin playing an MCP server (/mcp, accepting only its own tokens, recording every
 * Authorization header), its protected resource metadata, and its authorization server.
 */
public final class OAuthSite implements AutoCloseable {
    public final HttpServer http;
    public final String base;
    public final String name;
    public final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
    public final List<Map<String, List<String>>> tokenRequests = new CopyOnWriteArrayList<>();
    public final List<Map<String, List<String>>> revocations = new CopyOnWriteArrayList<>();
    final AtomicInteger issued = new AtomicInteger();
    /** What the resource metadata says; the AS metadata's issuer; the authorization servers it names. */
    public volatile String prmResource;
    public volatile String prmIssuer;
    public volatile String asIssuer;
    /** The iss the authorization endpoint's redirect carries; null: asIssuer, as an honest server does. */
    public volatile String redirectIss;

    public OAuthSite(String name) throws IOException {
        this.name = name;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + http.getAddress().getPort();
        prmResource = base + "/mcp";
        prmIssuer = base;
        asIssuer = base;
        http.createContext("/.well-known/oauth-protected-resource", x -> json(x, 200,
                JsonCodec.object().add("resource", prmResource).add("authorization_servers", JsonCodec.array().add(prmIssuer))
                        .build().toString()));
        http.createContext("/.well-known/oauth-authorization-server", x -> json(x, 200, JsonCodec.object()
                .add("issuer", asIssuer).add("authorization_endpoint", base + "/authorize").add("token_endpoint", base + "/token")
                .add("revocation_endpoint", base + "/revoke")
                .add("response_types_supported", JsonCodec.array().add("code"))
                .add("code_challenge_methods_supported", JsonCodec.array().add("S256"))
                .add("token_endpoint_auth_methods_supported", JsonCodec.array().add("none"))
                .add("authorization_response_iss_parameter_supported", true).build().toString()));
        http.createContext("/token", x -> {
            tokenRequests.add(URLUtils.parseParameters(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            json(x, 200, "{\"access_token\":\"" + token(issued.incrementAndGet()) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"refresh_token\":\"refresh-of-" + name + "\"}");
        });
        // a person who approves at once: back to the redirect URI with a code, the state and the issuer
        http.createContext("/authorize", x -> {
            Map<String, List<String>> q = URLUtils.parseParameters(x.getRequestURI().getRawQuery());
            x.getResponseHeaders().set("Location", q.get("redirect_uri").get(0) + "?" + URLUtils.serializeParameters(Map.of(
                    "code", List.of("code-1"), "state", q.get("state"), "iss", List.of(redirectIss != null ? redirectIss : asIssuer))));
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        http.createContext("/revoke", x -> {
            revocations.add(URLUtils.parseParameters(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        http.createContext("/mcp", this::mcp);
        http.start();
    }

    public String mcpUrl() {
        return base + "/mcp";
    }

    public String token(int n) {
        return "token-of-" + name + "-" + n;
    }

    private void mcp(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        authorizationHeaders.add(auth == null ? "(none)" : auth);
        String text = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (auth == null || !auth.startsWith("Bearer token-of-" + name + "-")) {
            x.getResponseHeaders().set("WWW-Authenticate", "Bearer resource_metadata=\"" + base
                    + "/.well-known/oauth-protected-resource/mcp\", scope=\"read\"");
            x.sendResponseHeaders(401, -1);
            x.close();
            return;
        }
        if (!x.getRequestMethod().equals("POST")) {
            x.sendResponseHeaders(405, -1);
            x.close();
            return;
        }
        JsonObject body = JsonCodec.parseObject(text);
        String method = body.getString("method", "");
        if (!body.containsKey("id")) {
            x.sendResponseHeaders(202, -1);
            x.close();
            return;
        }
        JsonObject result = method.equals("initialize")
                ? JsonCodec.object().add("protocolVersion", "2025-11-25").add("capabilities", JsonCodec.object().add("tools", JsonCodec.object()))
                .add("serverInfo", JsonCodec.object().add("name", name).add("version", "1")).build()
                : JsonCodec.object().add("tools", JsonCodec.array()).build();
        x.getResponseHeaders().set("Mcp-Session-Id", "s-" + name);
        json(x, 200, JsonCodec.object().add("jsonrpc", "2.0").add("id", body.get("id")).add("result", result).build().toString());
    }

    @Override
    public void close() {
        http.stop(0);
    }

    public static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
