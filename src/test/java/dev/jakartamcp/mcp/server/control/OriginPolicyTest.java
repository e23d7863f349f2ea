package dev.jakartamcp.mcp.server.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginPolicyTest {

    private static OriginPolicy policy(String allowed) {
        McpServerConfig config = new McpServerConfig();
        config.allowedOrigins = Optional.ofNullable(allowed);
        OriginPolicy policy = new OriginPolicy();
        policy.config = config;
        return policy;
    }

    @Test
    void byDefaultOnlyLocalhostOnTheServersPort() {
        OriginPolicy p = policy(null);
        assertTrue(p.allows(null, 8080), "non-browser clients send no Origin");
        assertTrue(p.allows("http://localhost:8080", 8080));
        assertTrue(p.allows("http://127.0.0.1:8080", 8080));
        assertTrue(p.allows("http://[::1]:8080", 8080));
        assertFalse(p.allows("http://localhost:3000", 8080));
        assertFalse(p.allows("http://evil.example.com", 8080));
        assertFalse(p.allows("http://localhost.evil.com:8080", 8080));
        assertFalse(p.allows("null", 8080));
        assertFalse(p.allows("::not a uri::", 8080));
    }

    @Test
    void anExplicitListReplacesTheDefault() {
        OriginPolicy p = policy("https://chat.example.com, http://localhost:3000");
        assertTrue(p.allows("https://chat.example.com", 8080));
        assertTrue(p.allows("http://localhost:3000", 8080));
        assertFalse(p.allows("http://localhost:8080", 8080));
        assertTrue(policy("*").allows("http://anything.example", 8080));
    }

    @Test
    void thePublicBaseUrlsOriginIsOursToo() {
        OriginPolicy p = policy(null);
        p.baseUrl = Optional.of("https://mcp.example.com/");
        assertTrue(p.allows("https://mcp.example.com", 8080));
        assertTrue(p.allows("https://MCP.example.com:443", 8080));
        assertFalse(p.allows("http://mcp.example.com", 8080), "another scheme is another origin");
        assertFalse(p.allows("https://mcp.example.com:8443", 8080));
        assertFalse(p.allows("https://evil.example.com", 8080));
        assertTrue(p.allows("http://localhost:8080", 8080), "the loopback default stays");
    }
}
