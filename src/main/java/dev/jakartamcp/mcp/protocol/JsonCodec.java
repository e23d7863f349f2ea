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

    /** How deep arrays and objects may nest in a text we parse; MCP messages need a handful of levels. */
    public static final int MAX_DEPTH = 64;

    /** Parses one JSON text. Throws {@link MalformedJsonException} for anything that is not exactly one JSON value. */
    public static JsonValue parse(byte[] utf8) {
        return parse(utf8, MAX_DEPTH);
    }

    /**
     * Like {@link #parse(byte[])}, refusing nesting deeper than {@code maxDepth} before the parser
     * sees it: a parser recurses per level, so depth is checked with one cheap scan first.
     */
    public static JsonValue parse(byte[] utf8, int maxDepth) {
        checkDepth(utf8, maxDepth);
        return parse(PARSERS.createParser(new ByteArrayInputStream(utf8), StandardCharsets.UTF_8));
    }

    /** Counts brackets outside strings; the parser still judges whether the text is JSON at all. */
    static void checkDepth(byte[] utf8, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > maxDepth) {
                    throw new MalformedJsonException("nested deeper than " + maxDepth + " levels");
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
    }

    public static JsonValue parse(String text) {
        checkDepth(text.getBytes(StandardCharsets.UTF_8), MAX_DEPTH);
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
        } catch (RuntimeException e) {
            // parsers signal their own limits (depth, number length) with plain runtime exceptions
            throw new MalformedJsonException("not acceptable JSON: " + e.getMessage());
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
