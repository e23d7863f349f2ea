package dev.jakartamcp.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret the MCP tools show the embedded user service when identity is on, so /v1 is not open
 * to anonymous callers. Random per process: the tools only ever call the service of their own
 * node (users/mp-rest/url unset), and the secret never leaves it.
 */
@ApplicationScoped
public class ServiceCredential {

    public static final String HEADER = "X-Service-Credential";

    private final String value;

    public ServiceCredential() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public String value() {
        return value;
    }

    /** In constant time, so timing tells an attacker nothing about how much of a guess was right. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
