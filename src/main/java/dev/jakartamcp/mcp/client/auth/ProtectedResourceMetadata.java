package dev.jakartamcp.mcp.client.auth;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.List;

/**
 * RFC 9728 protected resource metadata, the parts a client uses: the resource identifier (sent
 * verbatim as RFC 8707 {@code resource}), its authorization servers, the scopes it knows.
 */
public record ProtectedResourceMetadata(String resource, List<String> authorizationServers, List<String> scopesSupported) {

    static ProtectedResourceMetadata parse(JsonObject json) {
        if (!(json.get("resource") instanceof JsonString resource)) {
            throw new IllegalArgumentException("protected resource metadata without resource");
        }
        return new ProtectedResourceMetadata(resource.getString(), strings(json.get("authorization_servers")),
                json.containsKey("scopes_supported") ? strings(json.get("scopes_supported")) : null);
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().limit(64).filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList();
    }
}
