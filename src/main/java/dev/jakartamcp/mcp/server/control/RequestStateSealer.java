package dev.jakartamcp.mcp.server.control;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Seals and opens requestState: a compact JWE (dir, A256GCM), so a client can neither read the
 * answers of earlier rounds nor change anything without the server noticing. The first key seals,
 * every key opens (rotation: add the new key first, drop the old one after the state TTL).
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#security-considerations
 */
public final class RequestStateSealer {

    /** A named 256-bit key. */
    public record Key(String kid, byte[] secret) {
        public Key {
            if (kid == null || kid.isBlank()) {
                throw new IllegalArgumentException("a requestState key needs a key id");
            }
            if (secret == null || secret.length != 32) {
                throw new IllegalArgumentException("the requestState key " + kid + " must be 32 bytes (256 bits), base64-encoded");
            }
        }

        /** A fresh random key, for a single node that was given none. */
        public static Key random() {
            byte[] secret = new byte[32];
            SecureRandom random = new SecureRandom();
            random.nextBytes(secret);
            byte[] id = new byte[4];
            random.nextBytes(id);
            return new Key("local-" + HexFormat.of().formatHex(id), secret);
        }
    }

    private final Key sealing;
    private final Map<String, Key> opening = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    /** Where keys of other nodes are found (the cluster's grid); none for configured keys. */
    private final java.util.function.Function<String, java.util.Optional<Key>> elsewhere;

    public RequestStateSealer(List<Key> keys, Duration ttl, Clock clock) {
        this(keys, ttl, clock, kid -> java.util.Optional.empty());
    }

    /** With {@code elsewhere}: a state sealed under a key id this node does not hold is opened with the key found there. */
    public RequestStateSealer(List<Key> keys, Duration ttl, Clock clock, java.util.function.Function<String, java.util.Optional<Key>> elsewhere) {
        this.elsewhere = elsewhere;
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one requestState key is needed");
        }
        this.sealing = keys.get(0);
        for (Key key : keys) {
            if (opening.putIfAbsent(key.kid(), key) != null) {
                throw new IllegalArgumentException("the requestState key id " + key.kid() + " is given twice");
            }
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Parses {@code mcp.mrtr.state-keys}: {@code kid:base64key} pairs separated by commas.
     *
     * @throws IllegalArgumentException naming the entry that is wrong (never the key itself)
     */
    public static List<Key> parseKeys(String config) {
        List<Key> keys = new ArrayList<>();
        for (String entry : config.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("mcp.mrtr.state-keys: each entry is kid:base64key (entry " + (keys.size() + 1) + ")");
            }
            String kid = trimmed.substring(0, colon).trim();
            byte[] secret;
            try {
                String encoded = trimmed.substring(colon + 1).trim();
                secret = encoded.contains("-") || encoded.contains("_")
                        ? Base64.getUrlDecoder().decode(encoded) : Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mcp.mrtr.state-keys: the key " + kid + " is not base64");
            }
            keys.add(new Key(kid, secret));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("mcp.mrtr.state-keys is set but holds no key");
        }
        return keys;
    }

    /** When a state sealed now lapses. */
    public Instant expiryFromNow() {
        return clock.instant().plus(ttl);
    }

    public String seal(StateClaims claims) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(sealing.kid()).build();
        JWEObject jwe = new JWEObject(header, new Payload(JsonCodec.write(claims.toJson())));
        try {
            jwe.encrypt(new DirectEncrypter(sealing.secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("sealing a requestState failed", e);
        }
        return jwe.serialize();
    }

    /**
     * Opens a state presented on a request bound as {@code expected}: anything that does not decrypt
     * with one of our keys, lapsed, or belongs to another request or caller is refused.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#server-requirements-basic-workflow
     *
     * @throws McpError invalid params (-32602) saying which check failed
     */
    public StateClaims open(String token, StateClaims.Binding expected) {
        StateClaims claims = decrypt(token);
        if (!claims.binding().equals(expected)) {
            throw MrtrErrors.stateRefused("The requestState belongs to another request or caller; "
                    + "start the request again without it", "mismatch");
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw MrtrErrors.stateRefused("The requestState has expired; start the request again without it", "expired");
        }
        return claims;
    }

    private StateClaims decrypt(String token) {
        try {
            JWEObject jwe = JWEObject.parse(token);
            JWEHeader header = jwe.getHeader();
            Key key = header.getKeyID() == null ? null : opening.get(header.getKeyID());
            if (key == null && header.getKeyID() != null && header.getKeyID().length() <= 64) {
                key = elsewhere.apply(header.getKeyID()).orElse(null);
                if (key != null) {
                    opening.put(key.kid(), key);
                }
            }
            if (key == null || !JWEAlgorithm.DIR.equals(header.getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
                throw tampered();
            }
            jwe.decrypt(new DirectDecrypter(key.secret()));
            JsonObject json = JsonCodec.parseObject(jwe.getPayload().toString());
            StateClaims claims = json == null ? null : StateClaims.fromJson(json);
            if (claims == null) {
                throw tampered();
            }
            return claims;
        } catch (ParseException | JOSEException | RuntimeException e) {
            if (e instanceof McpError refusal) {
                throw refusal;
            }
            throw tampered();
        }
    }

    private static McpError tampered() {
        return MrtrErrors.stateRefused("The requestState failed its integrity check (changed, or not sealed by this server); "
                + "echo it exactly as received", "invalid");
    }
}
