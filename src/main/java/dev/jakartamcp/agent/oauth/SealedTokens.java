package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.mcp.client.auth.StoredToken;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.platform.ApplicationDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's tokens for other MCP servers, one row per person, issuer and resource in the
 * application's database (table AGENT_OAUTH_TOKEN), so they survive a restart. The tokens are
 * sealed with {@link TokenCipher} under {@code agent.oauth.token-key}; without one, under a key made
 * at start (said once in the log): rows from an earlier start then no longer open, count as absent,
 * and the person signs in again. Plain JDBC rather than JPA: the OAuth client reads and writes from
 * whatever thread its MCP request runs on.
 */
@ApplicationScoped
public class SealedTokens {

    private static final Logger LOG = Logger.getLogger(SealedTokens.class.getName());

    @Resource(lookup = ApplicationDataSource.NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "agent.oauth.token-key")
    Optional<String> tokenKey;

    private TokenCipher cipher;

    @PostConstruct
    void init() {
        if (tokenKey.filter(s -> !s.isBlank()).isPresent()) {
            cipher = TokenCipher.fromBase64(tokenKey.get());
        } else {
            cipher = TokenCipher.random();
            LOG.warning("agent.oauth.token-key is not set: tokens of MCP servers people sign in to from the chat are sealed "
                    + "under a key made at start, so after a restart everyone signs in to them again");
        }
    }

    /** Creates the table on a new database (H2 and PostgreSQL both know IF NOT EXISTS). */
    void createTable(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS AGENT_OAUTH_TOKEN (id VARCHAR(64) PRIMARY KEY, owner_key VARCHAR(512) NOT NULL, "
                    + "issuer VARCHAR(1024) NOT NULL, resource VARCHAR(1024) NOT NULL, sealed VARCHAR(32000) NOT NULL, "
                    + "updated_at TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create AGENT_OAUTH_TOKEN: " + e.getMessage(), e);
        }
    }

    public Optional<StoredToken> get(String person, String issuer, String resource) {
        String binding = binding(person, issuer, resource);
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT sealed FROM AGENT_OAUTH_TOKEN WHERE id = ?")) {
            q.setString(1, id(binding));
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Optional<String> open = cipher.open(binding, r.getString(1));
                if (open.isEmpty()) {
                    LOG.fine(() -> "a stored token does not open under this key (another key, or another start without one): dropped");
                    remove(person, issuer, resource);
                }
                return open.map(json -> fromJson(issuer, resource, json));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "reading a stored MCP server token failed", e);
            return Optional.empty();
        }
    }

    public void put(String person, StoredToken token) {
        String binding = binding(person, token.issuer(), token.resource());
        String id = id(binding);
        String sealed = cipher.seal(binding, toJson(token));
        Timestamp now = Timestamp.from(Instant.now());
        // UPDATE, else INSERT, else (another request inserted it meanwhile) UPDATE: plain SQL that H2
        // and PostgreSQL both run, where MERGE and upserts differ
        try (Connection c = dataSource.getConnection()) {
            if (update(c, id, sealed, now) == 0) {
                try (PreparedStatement i = c.prepareStatement("INSERT INTO AGENT_OAUTH_TOKEN (id, owner_key, issuer, resource, sealed, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
                    i.setString(1, id);
                    i.setString(2, person);
                    i.setString(3, token.issuer());
                    i.setString(4, token.resource());
                    i.setString(5, sealed);
                    i.setTimestamp(6, now);
                    i.executeUpdate();
                } catch (SQLException duplicate) {
                    if (update(c, id, sealed, now) == 0) {
                        throw duplicate;
                    }
                }
            }
        } catch (SQLException e) {
            // the token still works from memory for this start; it is only not kept
            LOG.log(Level.WARNING, "storing an MCP server token failed", e);
        }
    }

    private static int update(Connection c, String id, String sealed, Timestamp now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE AGENT_OAUTH_TOKEN SET sealed = ?, updated_at = ? WHERE id = ?")) {
            u.setString(1, sealed);
            u.setTimestamp(2, now);
            u.setString(3, id);
            return u.executeUpdate();
        }
    }

    public void remove(String person, String issuer, String resource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement d = c.prepareStatement("DELETE FROM AGENT_OAUTH_TOKEN WHERE id = ?")) {
            d.setString(1, id(binding(person, issuer, resource)));
            d.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "removing a stored MCP server token failed", e);
        }
    }

    /** Whom and what a row is for: the person's key, the issuer, the resource. */
    static String binding(String person, String issuer, String resource) {
        return person + "\n" + issuer + "\n" + resource;
    }

    private static String id(String binding) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toJson(StoredToken t) {
        var o = JsonCodec.object().add("access_token", t.accessToken());
        if (t.refreshToken() != null) {
            o.add("refresh_token", t.refreshToken());
        }
        if (t.expiresAt() != null) {
            o.add("expires_at", t.expiresAt().toString());
        }
        if (t.scope() != null) {
            o.add("scope", t.scope());
        }
        return JsonCodec.write(o.build());
    }

    static StoredToken fromJson(String issuer, String resource, String json) {
        JsonObject o = JsonCodec.parseObject(json);
        return new StoredToken(issuer, resource, o.getString("access_token"), string(o, "refresh_token"),
                o.get("expires_at") instanceof JsonString s ? Instant.parse(s.getString()) : null, string(o, "scope"));
    }

    private static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
