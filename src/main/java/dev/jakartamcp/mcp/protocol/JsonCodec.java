package dev.jakartamcp.mcp.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one place JSON text is read and written. The provider is looked up once: a
 * service-loader look-up per call halves throughput (see stack-notes).
 */
public final class JsonCodec {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final jakarta.json.stream.JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());
    private static final jakarta.json.JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());
    private static final jakarta.json.JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private JsonCodec() {
    }

    public static JsonProvider provider() {
        return PROVIDER;
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonObjectBuilder object(JsonObject copyOf) {
        return BUILDERS.createObjectBuilder(copyOf);
    }

    public static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonValue string(String value) {
        return value == null ? JsonValue.NULL : PROVIDER.createValue(value);
    }

    public static JsonValue number(long value) {
        return PROVIDER.createValue(value);
    }

    /** Parses one JSON text. Throws {@link MalformedJsonException} for anything that is not exactly one JSON value. */
    public static JsonValue parse(byte[] utf8) {
        return parse(PARSERS.createParser(new ByteArrayInputStream(utf8), StandardCharsets.UTF_8));
    }

    public static JsonValue parse(String text) {
        return parse(PARSERS.createParser(new StringReader(text)));
    }

    /** A reader would accept trailing text after the value ("{} {}"); the parser lets us refuse it. */
    private static JsonValue parse(JsonParser parser) {
        try (parser) {
            if (!parser.hasNext()) {
                throw new MalformedJsonException("empty body");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new MalformedJsonException("unexpected text after the JSON value");
            }
            return value;
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new MalformedJsonException(e.getMessage());
        } catch (JsonException e) {
            throw new MalformedJsonException("not valid JSON");
        }
    }

    public static JsonObject parseObject(String text) {
        JsonValue value = parse(text);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedJsonException("expected a JSON object");
        }
        return value.asJsonObject();
    }

    public static String write(JsonValue value) {
        StringWriter out = new StringWriter(256);
        try (var writer = WRITERS.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    public static byte[] writeBytes(JsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (var writer = WRITERS.createWriter(out, StandardCharsets.UTF_8)) {
            writer.write(value);
        }
        return out.toByteArray();
    }

    /** Thrown when a text is not JSON at all. */
    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message, null, false, false);
        }
    }
}
