package dev.jakartamcp.bench.bare;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark only: the ceiling of a JAX-RS design. {@code POST /mcp} parses the JSON-RPC body with JSON-P (one
 * cached provider), and answers the same bytes the product answers for the same call, as plain
 * {@code application/json}: {@code {"jsonrpc":"2.0","id":<id>,"result":<result>}}, where the result is the
 * product's, byte for byte. bench/run.sh captures those results from the running product and points
 * {@code bench.results.dir} at them; without it, the copies under {@code /results} (captured once) are used.
 * No sessions, no validation: an {@code initialize} gets a random {@code Mcp-Session-Id} that nothing checks.
 */
@Path("/mcp")
@ApplicationScoped
public class BareMcpResource {

    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());
    private static final byte[] HEAD = "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESULT = ",\"result\":".getBytes(StandardCharsets.UTF_8);

    private final byte[] initialize = load("initialize");
    private final byte[] toolsList = load("tools-list");
    private final byte[] toolsCall = load("tools-call");

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(InputStream body) {
        JsonObject message;
        try (JsonReader reader = READERS.createReader(body, StandardCharsets.UTF_8)) {
            message = reader.readObject();
        }
        JsonValue id = message.get("id");
        String method = message.getString("method", "");
        if (id == null) {
            return Response.accepted().build();                                  // a notification
        }
        byte[] result = switch (method) {
            case "initialize" -> initialize;
            case "tools/list" -> toolsList;
            case "tools/call" -> toolsCall;
            default -> null;
        };
        if (result == null) {
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}")
                    .build();
        }
        byte[] idBytes = id.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEAD.length + idBytes.length + RESULT.length + result.length + 1);
        out.writeBytes(HEAD);
        out.writeBytes(idBytes);
        out.writeBytes(RESULT);
        out.writeBytes(result);
        out.write('}');
        Response.ResponseBuilder response = Response.ok(out.toByteArray(), MediaType.APPLICATION_JSON_TYPE);
        if ("initialize".equals(method)) {
            response.header("Mcp-Session-Id", UUID.randomUUID().toString());
        }
        return response.build();
    }

    private static byte[] load(String name) {
        try {
            String dir = System.getProperty("bench.results.dir");
            if (dir != null && !dir.isBlank()) {
                return Files.readAllBytes(java.nio.file.Path.of(dir, name + ".json"));
            }
            try (InputStream in = BareMcpResource.class.getResourceAsStream("/results/" + name + ".json")) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
