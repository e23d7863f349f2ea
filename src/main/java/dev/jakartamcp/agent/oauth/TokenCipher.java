package dev.jakartamcp.agent.oauth;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals tokens for the database: JWE compact serialization, direct encryption with A256GCM
 * (Nimbus JOSE), under a 256-bit key. The row's binding (person, issuer, resource) goes into the
 * protected header, which GCM authenticates, so a sealed value moved to another person's row does
 * not open there.
 */
public final class TokenCipher {

    static final String BINDING = "bnd";

    private final SecretKey key;
    private final boolean ephemeral;

    private TokenCipher(byte[] key, boolean ephemeral) {
        this.key = new SecretKeySpec(key, "AES");
        this.ephemeral = ephemeral;
    }

    /** From {@code agent.oauth.token-key} (base64 of 32 bytes); throws on anything else. */
    public static TokenCipher fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent.oauth.token-key is not base64: " + e.getMessage());
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("agent.oauth.token-key must be 256 bits (32 bytes, base64), not " + key.length * 8);
        }
        return new TokenCipher(key, false);
    }

    /** A key for this process only: what was sealed with it cannot be opened after a restart. */
    public static TokenCipher random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new TokenCipher(key, true);
    }

    public boolean ephemeral() {
        return ephemeral;
    }

    public String seal(String binding, String plaintext) {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .customParam(BINDING, binding).build(), new Payload(plaintext));
        try {
            jwe.encrypt(new DirectEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot seal a token: " + e.getMessage(), e);
        }
        return jwe.serialize();
    }

    /** The plaintext, or empty when the value was sealed under another key or for another binding, or is damaged. */
    public Optional<String> open(String binding, String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())
                    || !binding.equals(jwe.getHeader().getCustomParam(BINDING))) {
                return Optional.empty();
            }
            jwe.decrypt(new DirectDecrypter(key));
            return Optional.of(jwe.getPayload().toString());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
