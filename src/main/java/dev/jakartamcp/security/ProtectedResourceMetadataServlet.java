package dev.jakartamcp.security;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * RFC 9728 protected resource metadata for /mcp, at the well-known root and at the path-specific
 * form ({@code /.well-known/oauth-protected-resource/mcp}) that MCP clients try first. It names
 * the authorization server, so a client can find where to get a token. 404 while identity is off.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#protected-resource-metadata-discovery-requirements
 */
@WebServlet(urlPatterns = {"/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/*"})
public class ProtectedResourceMetadataServlet extends HttpServlet {

    static final List<String> SCOPES = List.of(AuthSettings.READ, AuthSettings.WRITE, AuthSettings.DELETE);

    @Inject
    AuthSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String below = request.getPathInfo();
        if (!settings.enabled() || !(below == null || below.equals("/") || below.equals("/mcp"))) {
            response.setStatus(404);
            return;
        }
        JsonArrayBuilder scopes = JsonCodec.array();
        SCOPES.forEach(scopes::add);
        byte[] body = JsonCodec.writeBytes(JsonCodec.object()
                .add("resource", settings.resource(request.getLocalPort()))
                .add("authorization_servers", JsonCodec.array().add(settings.issuer().orElseThrow()))
                .add("scopes_supported", scopes)
                .add("bearer_methods_supported", JsonCodec.array().add("header"))
                .add("resource_name", "jakarta-mcp user management")
                .build());
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
