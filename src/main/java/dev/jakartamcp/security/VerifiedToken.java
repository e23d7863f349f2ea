package dev.jakartamcp.security;

import java.time.Instant;
import java.util.Set;

/** What a valid access token says about its bearer. */
public record VerifiedToken(String issuer, String subject, String name, Set<String> roles, Set<String> scopes,
                            Instant expiresAt) {
}
