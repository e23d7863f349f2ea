package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.mcp.client.auth.StoredToken;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token table on H2 (the application's database engine), in memory. */
class SealedTokensTest {

    static final String AS = "https://as.example";
    static final String NOTES = "https://notes.example/mcp";

    JdbcDataSource database;

    @BeforeEach
    void database() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    SealedTokens store(String key) {
        SealedTokens tokens = new SealedTokens();
        tokens.dataSource = database;
        tokens.tokenKey = Optional.ofNullable(key);
        tokens.init();
        tokens.createTable(null);
        return tokens;
    }

    static StoredToken token(String access) {
        return new StoredToken(AS, NOTES, access, "refresh-" + access, Instant.parse("2026-11-25T04:00:00Z"), "notes:read");
    }

    @Test
    void eachPersonGetsOnlyTheirOwnTokenAndNothingIsPlainText() throws Exception {
        SealedTokens tokens = store(TokenCipherTest.KEY);
        tokens.put("alice@kc", token("alice-access-token"));
        assertEquals(Optional.of(token("alice-access-token")), tokens.get("alice@kc", AS, NOTES));
        assertEquals(Optional.empty(), tokens.get("bob@kc", AS, NOTES), "bob does not get alice's token");
        assertEquals(Optional.empty(), tokens.get("alice@kc", AS, "https://other.example/mcp"), "nor another resource");
        tokens.put("alice@kc", token("alice-newer-token"));
        assertEquals("alice-newer-token", tokens.get("alice@kc", AS, NOTES).orElseThrow().accessToken(), "replaced, not added");
        try (Connection c = database.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT owner_key, issuer, resource, sealed FROM AGENT_OAUTH_TOKEN")) {
            assertTrue(r.next());
            assertEquals("alice@kc", r.getString(1));
            assertEquals(NOTES, r.getString(3));
            String sealed = r.getString(4);
            assertFalse(sealed.contains("alice-newer-token") || sealed.contains("refresh-"), sealed);
            assertFalse(r.next(), "one row per person, issuer and resource");
        }
        tokens.remove("alice@kc", AS, NOTES);
        assertEquals(Optional.empty(), tokens.get("alice@kc", AS, NOTES));
    }

    @Test
    void theSameKeyAfterARestartOpensThemAndAnotherDoesNot() {
        store(TokenCipherTest.KEY).put("alice@kc", token("kept"));
        assertEquals("kept", store(TokenCipherTest.KEY).get("alice@kc", AS, NOTES).orElseThrow().accessToken(),
                "a restart with the same key keeps the sign-in");
        assertEquals(Optional.empty(), store(null).get("alice@kc", AS, NOTES), "a start without a key cannot open it");
        assertEquals(Optional.empty(), store(TokenCipherTest.KEY).get("alice@kc", AS, NOTES), "and the unusable row was dropped");
    }

    @Test
    void aKeyThatIsNot256BitsStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> store("c2hvcnQ="));
    }
}
