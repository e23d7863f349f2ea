package dev.jakartamcp.mcp.server.control;

import com.nimbusds.jose.util.Base64URL;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sealing rules of requestState: what opens, and every way a state is refused. */
class RequestStateSealerTest {

    static final StateClaims.Binding BINDING = new StateClaims.Binding("users", "tools/call", "delete_user",
            ArgumentDigest.of(JsonCodec.object().add("id", 7).build()), "alice@https://idp");
    static final JsonObject ANSWERS = JsonCodec.object().add("elicitation-1", JsonCodec.object().add("action", "accept")
            .add("content", JsonCodec.object().add("confirm", true))).build();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    final RequestStateSealer.Key k1 = key("k1", 1);
    final RequestStateSealer.Key k2 = key("k2", 2);

    @Test
    void opensWhatItSealedWithTheSameBinding() {
        RequestStateSealer sealer = sealer(k1);
        StateClaims opened = sealer.open(sealer.seal(claims()), BINDING);
        assertEquals("flow-1", opened.flowId());
        assertEquals(ANSWERS, opened.answers());
        assertEquals(clock.instant().plusSeconds(600), opened.expiresAt());
    }

    @Test
    void theAnswersAreNotReadableInTheState() {
        String token = sealer(k1).seal(claims());
        assertEquals(5, token.split("\\.").length, "compact JWE");
        String all = new String(Base64.getUrlDecoder().decode(token.split("\\.")[3]), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(all.contains("confirm") || token.contains("delete_user"), token);
    }

    @Test
    void aChangedStateIsRefused() {
        RequestStateSealer sealer = sealer(k1);
        String token = sealer.seal(claims());
        assertRefused("invalid", () -> sealer.open(token + "-TAMPERED", BINDING));
        String[] parts = token.split("\\.");
        byte[] cipher = Base64URL.from(parts[3]).decode();
        cipher[0] ^= 1;
        String flipped = String.join(".", parts[0], parts[1], parts[2], Base64URL.encode(cipher).toString(), parts[4]);
        assertRefused("invalid", () -> sealer.open(flipped, BINDING));
        assertRefused("invalid", () -> sealer.open("not a state", BINDING));
        assertRefused("invalid", () -> sealer.open("", BINDING));
    }

    @Test
    void aStateOfAnotherKeyIsRefused() {
        String token = sealer(k2).seal(claims());
        assertRefused("invalid", () -> sealer(k1).open(token, BINDING));
        // same key id, other secret
        String forged = new RequestStateSealer(List.of(key("k1", 9)), Duration.ofSeconds(600), clock).seal(claims());
        assertRefused("invalid", () -> sealer(k1).open(forged, BINDING));
    }

    @Test
    void rotationTheNewKeySealsAndTheOldStillOpens() throws Exception {
        String old = sealer(k1).seal(claims());
        RequestStateSealer rotated = sealer(k2, k1);
        assertEquals("flow-1", rotated.open(old, BINDING).flowId());
        String fresh = rotated.seal(claims());
        assertEquals("k2", com.nimbusds.jose.JWEObject.parse(fresh).getHeader().getKeyID());
        assertRefused("invalid", () -> sealer(k1).open(fresh, BINDING));
    }

    @Test
    void anExpiredStateIsRefused() {
        RequestStateSealer sealer = sealer(k1);
        String token = sealer.seal(claims());
        clock.now = clock.now.plusSeconds(599);
        sealer.open(token, BINDING);
        clock.now = clock.now.plusSeconds(1);
        assertRefused("expired", () -> sealer.open(token, BINDING));
    }

    @Test
    void aStateOfAnotherCallerOrRequestIsRefused() {
        RequestStateSealer sealer = sealer(k1);
        String token = sealer.seal(claims());
        assertRefused("mismatch", () -> sealer.open(token, new StateClaims.Binding("users", "tools/call", "delete_user",
                BINDING.argumentDigest(), "mallory@https://idp")));
        assertRefused("mismatch", () -> sealer.open(token, new StateClaims.Binding("users", "tools/call", "delete_user",
                ArgumentDigest.of(JsonCodec.object().add("id", 8).build()), BINDING.caller())));
        assertRefused("mismatch", () -> sealer.open(token, new StateClaims.Binding("users", "tools/call", "add_user",
                BINDING.argumentDigest(), BINDING.caller())));
        assertRefused("mismatch", () -> sealer.open(token, new StateClaims.Binding("conformance", "tools/call", "delete_user",
                BINDING.argumentDigest(), BINDING.caller())));
        assertRefused("mismatch", () -> sealer.open(token, new StateClaims.Binding("users", "prompts/get", "delete_user",
                BINDING.argumentDigest(), BINDING.caller())));
    }

    @Test
    void argumentKeyOrderDoesNotMatter() {
        assertEquals(ArgumentDigest.of(JsonCodec.parseObject("{\"a\":1,\"b\":{\"y\":2,\"x\":[{\"q\":1,\"p\":2}]}}")),
                ArgumentDigest.of(JsonCodec.parseObject("{\"b\":{\"x\":[{\"p\":2,\"q\":1}],\"y\":2},\"a\":1}")));
    }

    @Test
    void keysFromConfiguration() {
        String b64 = Base64.getEncoder().encodeToString(new byte[32]);
        List<RequestStateSealer.Key> keys = RequestStateSealer.parseKeys(" new:" + b64 + " , old:" + Base64.getUrlEncoder().encodeToString(new byte[32]));
        assertEquals(List.of("new", "old"), keys.stream().map(RequestStateSealer.Key::kid).toList());
        assertThrows(IllegalArgumentException.class, () -> RequestStateSealer.parseKeys("nokid"));
        assertThrows(IllegalArgumentException.class, () -> RequestStateSealer.parseKeys("k:short"));
        assertThrows(IllegalArgumentException.class, () -> RequestStateSealer.parseKeys("k:" + Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> RequestStateSealer.parseKeys(" , "));
        assertThrows(IllegalArgumentException.class, () -> new RequestStateSealer(List.of(k1, key("k1", 3)), Duration.ofSeconds(1), clock));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestStateSealer.parseKeys("k:!!!"));
        assertFalse(e.getMessage().contains("!!!"), "the key is never echoed");
    }

    private StateClaims claims() {
        return new StateClaims(BINDING, clock.instant().plusSeconds(600), "flow-1", ANSWERS);
    }

    private RequestStateSealer sealer(RequestStateSealer.Key... keys) {
        return new RequestStateSealer(List.of(keys), Duration.ofSeconds(600), clock);
    }

    static RequestStateSealer.Key key(String kid, int fill) {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) fill);
        return new RequestStateSealer.Key(kid, secret);
    }

    static void assertRefused(String reason, org.junit.jupiter.api.function.Executable open) {
        McpError e = assertThrows(McpError.class, open);
        assertEquals(-32602, e.error().code());
        assertTrue(MrtrErrors.is(e.error()));
        assertEquals("requestState-" + reason, e.error().data().asJsonObject().getString("mrtr"), e.getMessage());
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
