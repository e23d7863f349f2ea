package dev.jakartamcp.mcp.server.control;

import com.nimbusds.jose.util.Base64URL;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeMap;

/**
 * SHA-256 of a request's arguments in a canonical form (object keys sorted at every depth), so a
 * retry that only orders its keys differently still matches its requestState.
 */
final class ArgumentDigest {

    private ArgumentDigest() {
    }

    static String of(JsonValue arguments) {
        try {
            byte[] canonical = JsonCodec.write(canonical(arguments)).getBytes(StandardCharsets.UTF_8);
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(canonical)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder sorted = JsonCodec.object();
            new TreeMap<>(object).forEach((k, v) -> sorted.add(k, canonical(v)));
            return sorted.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder items = JsonCodec.array();
            array.forEach(v -> items.add(canonical(v)));
            return items.build();
        }
        return value;
    }
}
