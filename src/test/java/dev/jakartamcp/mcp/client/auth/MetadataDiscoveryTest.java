package dev.jakartamcp.mcp.client.auth;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataDiscoveryTest {

    static final URI MCP = URI.create("https://mcp.example.com/mcp");

    @Test
    void protectedResourceMetadataIsLookedForAtTheChallengesUrlThenPathSuffixedThenRoot() {
        assertEquals(List.of(URI.create("https://mcp.example.com/custom/prm.json"),
                        URI.create("https://mcp.example.com/.well-known/oauth-protected-resource/mcp"),
                        URI.create("https://mcp.example.com/.well-known/oauth-protected-resource")),
                MetadataDiscovery.protectedResourceCandidates(MCP, "https://mcp.example.com/custom/prm.json"));
        assertEquals(List.of(URI.create("https://mcp.example.com/.well-known/oauth-protected-resource")),
                MetadataDiscovery.protectedResourceCandidates(URI.create("https://mcp.example.com/"), null));
    }

    @Test
    void aChallengeCannotPointAtANonHttpScheme() {
        assertEquals(2, MetadataDiscovery.protectedResourceCandidates(MCP, "file:///etc/passwd").size());
    }

    @Test
    void authorizationServerMetadataByPathInsertionThenOpenIdBothWays() {
        assertEquals(List.of(URI.create("https://as.example.com/.well-known/oauth-authorization-server/tenant1"),
                        URI.create("https://as.example.com/.well-known/openid-configuration/tenant1"),
                        URI.create("https://as.example.com/tenant1/.well-known/openid-configuration")),
                MetadataDiscovery.authorizationServerCandidates("https://as.example.com/tenant1"));
        assertEquals(List.of(URI.create("https://as.example.com/.well-known/oauth-authorization-server"),
                        URI.create("https://as.example.com/.well-known/openid-configuration")),
                MetadataDiscovery.authorizationServerCandidates("https://as.example.com"));
    }

    @Test
    void discoveryWalksTheOrderAndStopsAtTheFirstDocument() {
        List<URI> asked = new ArrayList<>();
        Map<String, JsonObject> docs = Map.of(
                "https://mcp.example.com/.well-known/oauth-protected-resource", JsonCodec.parseObject(
                        "{\"resource\":\"https://mcp.example.com\",\"authorization_servers\":[\"https://as.example.com/t\"]}"),
                "https://as.example.com/t/.well-known/openid-configuration", JsonCodec.parseObject(
                        "{\"issuer\":\"https://as.example.com/t\",\"authorization_endpoint\":\"https://as.example.com/t/a\","
                                + "\"token_endpoint\":\"https://as.example.com/t/token\",\"response_types_supported\":[\"code\"]}"));
        MetadataDiscovery discovery = new MetadataDiscovery(u -> {
            asked.add(u);
            return Optional.ofNullable(docs.get(u.toString()));
        });
        MetadataDiscovery.Discovered found = discovery.discover(MCP, BearerChallenge.NONE);
        assertEquals("https://mcp.example.com", found.resource().resource());
        assertEquals("https://as.example.com/t", found.issuer());
        assertEquals(URI.create("https://as.example.com/t/token"), found.server().getTokenEndpointURI());
        assertEquals(List.of("https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
                "https://mcp.example.com/.well-known/oauth-protected-resource",
                "https://as.example.com/.well-known/oauth-authorization-server/t",
                "https://as.example.com/.well-known/openid-configuration/t",
                "https://as.example.com/t/.well-known/openid-configuration"), asked.stream().map(URI::toString).toList());
    }

    @Test
    void metadataNamingAnotherIssuerIsRefused() {
        MetadataDiscovery discovery = new MetadataDiscovery(u -> Optional.of(JsonCodec.parseObject(
                "{\"issuer\":\"https://attacker.example.com\",\"authorization_endpoint\":\"https://attacker.example.com/a\","
                        + "\"token_endpoint\":\"https://attacker.example.com/t\",\"response_types_supported\":[\"code\"]}")));
        assertThrows(AuthorizationException.class, () -> discovery.authorizationServer("https://as.example.com"));
    }

    @Test
    void theResourceMustBeTheEndpointOrAParentOnTheSameOrigin() {
        assertTrue(MetadataDiscovery.covers("https://mcp.example.com/mcp", MCP));
        assertTrue(MetadataDiscovery.covers("https://mcp.example.com", MCP));
        assertTrue(MetadataDiscovery.covers("https://MCP.example.com:443/", MCP));
        assertFalse(MetadataDiscovery.covers("https://evil.example.com/mcp", MCP));
        assertFalse(MetadataDiscovery.covers("https://mcp.example.com/mcp2", MCP));
        assertFalse(MetadataDiscovery.covers("https://mcp.example.com/other", MCP));
        assertFalse(MetadataDiscovery.covers("http://mcp.example.com/mcp", MCP));
    }

    @Test
    void bearerChallengeParameters() {
        BearerChallenge c = BearerChallenge.parse("Bearer error=\"insufficient_scope\", scope=\"a b\", resource_metadata=\"https://x/y\"");
        assertEquals("https://x/y", c.resourceMetadata());
        assertEquals("a b", c.scope());
        assertTrue(c.insufficientScope());
        assertEquals(BearerChallenge.NONE, BearerChallenge.parse("Basic realm=\"x\""));
    }
}
