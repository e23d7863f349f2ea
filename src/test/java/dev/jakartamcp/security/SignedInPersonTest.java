package dev.jakartamcp.security;

import dev.jakartamcp.mcp.server.control.Caller;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedInPersonTest {

    static final Instant EXPIRES = Instant.parse("2026-01-01T12:00:00Z");
    static final String ISSUER = "http://localhost:18180/realms/mcp";

    static SignedInPerson alice(Instant expiresAt) {
        return new SignedInPerson(ISSUER, "a1b2", "alice", new HashSet<>(Set.of("user-admin")), "access", expiresAt, "refresh", "id");
    }

    @Test
    void theKeyIsTheMcpCallersKey() {
        assertEquals("a1b2@" + ISSUER, alice(EXPIRES).key());
        assertEquals(Caller.signedIn(ISSUER, "a1b2", "alice", Set.of()).key(), alice(EXPIRES).key());
    }

    /** The refresh decision: due once the token expires within the margin, never when its expiry is unknown. */
    @Test
    void aTokenIsRefreshedWhenItExpiresWithinTheMargin() {
        SignedInPerson p = alice(EXPIRES);
        Duration minute = Duration.ofSeconds(60);
        assertFalse(p.expiresWithin(minute, EXPIRES.minusSeconds(61)));
        assertTrue(p.expiresWithin(minute, EXPIRES.minusSeconds(60)));
        assertTrue(p.expiresWithin(minute, EXPIRES.minusSeconds(1)));
        assertTrue(p.expiresWithin(minute, EXPIRES.plusSeconds(3600)), "already expired");
        assertFalse(p.expiresWithin(Duration.ZERO, EXPIRES.minusMillis(1)));
        assertFalse(alice(null).expiresWithin(minute, EXPIRES), "unknown expiry: nothing to refresh by");
    }

    @Test
    void itSurvivesSerializationAndKeepsNoMutableRoles() throws Exception {
        SignedInPerson p = alice(EXPIRES);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(p, in.readObject());
        }
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> p.roles().add("x"));
    }

    @Test
    void itsTextHasNoTokens() {
        String text = alice(EXPIRES).toString();
        assertTrue(text.contains("alice"), text);
        assertFalse(text.contains("access") || text.contains("refresh"), text);
    }
}
