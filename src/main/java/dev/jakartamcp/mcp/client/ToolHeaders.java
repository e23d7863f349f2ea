package dev.jakartamcp.mcp.client;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code x-mcp-header} annotations of one tool's inputSchema: which argument goes into which
 * Mcp-Param-{Name} header. A tool whose annotations break the rules is refused as a whole
 * ({@link #read} throws), and the client leaves it out of tools/list.
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#custom-headers-from-tool-parameters
 */
record ToolHeaders(List<Param> params) {

    static final String ANNOTATION = "x-mcp-header";
    static final ToolHeaders NONE = new ToolHeaders(List.of());
    /** Integers beyond JavaScript's safe range are not allowed in headers. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** One annotated property: its chain of properties keys from the root, and the header name part. */
    record Param(List<String> path, String name) {
    }

    /** A tool whose x-mcp-header annotations are invalid, and why. */
    static final class InvalidException extends Exception {
        InvalidException(String reason) {
            super(reason);
        }
    }

    /**
     * The annotations of {@code inputSchema}: only on properties reached from the root through
     * {@code properties} keys alone, with a non-empty token name, unique regardless of case, on a
     * string, integer or boolean property.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#schema-extension
     */
    static ToolHeaders read(JsonObject inputSchema) throws InvalidException {
        List<Param> found = new ArrayList<>();
        walk(inputSchema, true, true, new ArrayList<>(), found);
        Set<String> names = new HashSet<>();
        for (Param p : found) {
            if (!names.add(p.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidException("x-mcp-header \"" + p.name() + "\" is used twice (names are case-insensitive)");
            }
        }
        return found.isEmpty() ? NONE : new ToolHeaders(List.copyOf(found));
    }

    /** @param reachable the node is the root or a property reached only through properties keys */
    private static void walk(JsonValue node, boolean reachable, boolean root, List<String> path, List<Param> found)
            throws InvalidException {
        if (node instanceof JsonObject object) {
            if (object.containsKey(ANNOTATION)) {
                if (!reachable || root) {
                    throw new InvalidException("x-mcp-header at " + (root ? "the schema root" : "/" + String.join("/", path))
                            + " is not on a property reached through properties alone");
                }
                found.add(new Param(List.copyOf(path), check(object)));
            }
            for (var entry : object.entrySet()) {
                if ("properties".equals(entry.getKey()) && entry.getValue() instanceof JsonObject properties) {
                    for (var property : properties.entrySet()) {
                        path.add(property.getKey());
                        walk(property.getValue(), reachable, false, path, found);
                        path.remove(path.size() - 1);
                    }
                } else if (!ANNOTATION.equals(entry.getKey())) {
                    // items, oneOf, $defs, ...: whatever lies below is not statically reachable
                    walk(entry.getValue(), false, false, path, found);
                }
            }
        } else if (node instanceof jakarta.json.JsonArray array) {
            for (JsonValue v : array) {
                walk(v, false, false, path, found);
            }
        }
    }

    private static String check(JsonObject property) throws InvalidException {
        if (!(property.get(ANNOTATION) instanceof JsonString s)) {
            throw new InvalidException("x-mcp-header must be a string");
        }
        String name = s.getString();
        if (name.isEmpty()) {
            throw new InvalidException("x-mcp-header must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTchar(name.charAt(i))) {
                throw new InvalidException("x-mcp-header \"" + name + "\" is not an HTTP token");
            }
        }
        String type = property.get("type") instanceof JsonString t ? t.getString() : null;
        if (!"string".equals(type) && !"integer".equals(type) && !"boolean".equals(type)) {
            throw new InvalidException("x-mcp-header \"" + name + "\" is on a property of type " + property.get("type")
                    + " (only string, integer and boolean are allowed)");
        }
        return name;
    }

    /** RFC 9110 section 5.6.2. */
    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * The Mcp-Param-* headers for these arguments: each annotated value that is present, as text,
     * encoded when needed; absent or null values send no header.
     * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#client-behavior
     */
    Map<String, String> headers(JsonObject arguments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : params) {
            JsonValue value = arguments;
            for (String key : p.path()) {
                value = value instanceof JsonObject o ? o.get(key) : null;
            }
            String text = text(value);
            if (text != null) {
                out.put("Mcp-Param-" + p.name(), HeaderValue.encode(text));
            }
        }
        return out;
    }

    private static String text(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().abs().bitLength() <= 53
                && Math.abs(n.longValue()) <= MAX_SAFE_INTEGER) {
            return n.bigIntegerValue().toString();
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.TRUE) {
            return "true";
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.FALSE) {
            return "false";
        }
        return null;
    }
}
