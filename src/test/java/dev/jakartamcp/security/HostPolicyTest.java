package dev.jakartamcp.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostPolicyTest {

    private static HostPolicy policy(String allowedHosts, String baseUrl) {
        PublicUrl url = new PublicUrl();
        url.baseUrl = Optional.ofNullable(baseUrl);
        HostPolicy policy = new HostPolicy();
        policy.allowedHosts = Optional.ofNullable(allowedHosts);
        policy.publicUrl = url;
        policy.init();
        return policy;
    }

    @Test
    void byDefaultLoopbackNamesOnAnyPort() {
        HostPolicy p = policy(null, null);
        assertTrue(p.allows("localhost:8080"));
        assertTrue(p.allows("LOCALHOST"));
        assertTrue(p.allows("127.0.0.1:18081"));
        assertTrue(p.allows("[::1]:8080"));
        assertTrue(p.allows(null), "HTTP/1.0 without Host cannot come from a rebinding page");
        assertFalse(p.allows("evil.example:8080"), "what a DNS-rebinding page sends");
        assertFalse(p.allows("localhost.evil.example"));
        assertFalse(p.allows("10.0.0.5:8080"));
        assertFalse(p.allows("[::1"));
    }

    @Test
    void theBaseUrlsHostIsAdded() {
        HostPolicy p = policy(null, "https://mcp.example.com");
        assertTrue(p.allows("mcp.example.com"));
        assertTrue(p.allows("localhost:8080"));
        assertFalse(p.allows("other.example.com"));
    }

    @Test
    void anExplicitListReplacesTheDefault() {
        HostPolicy p = policy("mcp.internal, 10.0.0.5", "https://mcp.example.com");
        assertTrue(p.allows("mcp.internal:8080"));
        assertTrue(p.allows("10.0.0.5"));
        assertFalse(p.allows("localhost:8080"));
        assertFalse(p.allows("mcp.example.com"));
        assertTrue(policy("*", null).allows("anything.example"));
    }

    @Test
    void namesLoseTheirPort() {
        assertEquals("example.com", HostPolicy.nameOf("example.com:80"));
        assertEquals("::1", HostPolicy.nameOf("[::1]:8080"));
        assertNull(HostPolicy.nameOf("[::1"));
    }
}
