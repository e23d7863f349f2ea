package dev.jakartamcp.mcp.server.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks tool arguments against the subset of JSON Schema our tools use: type (also as an array),
 * properties, required, additionalProperties:false, enum, format email and date, minLength, maxLength,
 * pattern, minimum, maximum and items. Unknown keywords are ignored, as JSON Schema says.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool (inputSchema is a JSON Schema)
 */
public final class SchemaValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_DIGITS = 40;
    private static final int MAX_EXPONENT = 308;
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private SchemaValidator() {
    }

    /** Every violation as "path: what is wrong"; empty when the value fits. */
    public static List<String> validate(JsonObject schema, JsonValue value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "arguments", problems);
        return problems;
    }

    private static void check(JsonObject schema, JsonValue value, String path, List<String> problems) {
        JsonValue type = schema.get("type");
        if (type != null && !matchesType(type, value)) {
            problems.add(path + ": expected " + describeType(type) + " but got " + describe(value));
            return;
        }
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && !allowed.contains(value)) {
            problems.add(path + ": must be one of " + allowed);
        }
        switch (value.getValueType()) {
            case OBJECT -> checkObject(schema, value.asJsonObject(), path, problems);
            case STRING -> checkString(schema, ((JsonString) value).getString(), path, problems);
            case NUMBER -> checkNumber(schema, (JsonNumber) value, path, problems);
            case ARRAY -> checkArray(schema, value.asJsonArray(), path, problems);
            default -> {
            }
        }
    }

    private static void checkObject(JsonObject schema, JsonObject value, String path, List<String> problems) {
        JsonObject properties = schema.containsKey("properties") ? schema.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
        JsonArray required = schema.getJsonArray("required");
        if (required != null) {
            for (JsonValue name : required) {
                String key = ((JsonString) name).getString();
                if (!value.containsKey(key) || value.isNull(key)) {
                    problems.add(path + "." + key + ": is required");
                }
            }
        }
        boolean closed = JsonValue.FALSE.equals(schema.get("additionalProperties"));
        for (var entry : value.entrySet()) {
            String key = entry.getKey();
            JsonValue propertySchema = properties.get(key);
            if (propertySchema instanceof JsonObject ps) {
                // an optional property sent as null means "not given"
                boolean isRequired = required != null && required.getValuesAs(JsonString.class).stream()
                        .anyMatch(r -> r.getString().equals(key));
                if (entry.getValue().getValueType() != ValueType.NULL || isRequired) {
                    check(ps, entry.getValue(), path + "." + key, problems);
                }
            } else if (closed) {
                problems.add(path + "." + key + ": is not a known property (known: " + properties.keySet() + ")");
            }
        }
    }

    private static void checkString(JsonObject schema, String value, String path, List<String> problems) {
        if (schema.containsKey("minLength") && value.codePointCount(0, value.length()) < schema.getInt("minLength")) {
            problems.add(path + ": must have at least " + schema.getInt("minLength") + " characters");
        }
        if (schema.containsKey("maxLength") && value.codePointCount(0, value.length()) > schema.getInt("maxLength")) {
            problems.add(path + ": must have at most " + schema.getInt("maxLength") + " characters");
        }
        if (schema.containsKey("pattern") && !Pattern.compile(schema.getString("pattern")).matcher(value).find()) {
            problems.add(path + ": must match the pattern " + schema.getString("pattern"));
        }
        String format = schema.getString("format", null);
        if ("email".equals(format) && !EMAIL.matcher(value).matches()) {
            problems.add(path + ": must be an email address like name@example.com");
        } else if ("date".equals(format) && !DATE.matcher(value).matches()) {
            problems.add(path + ": must be a date as YYYY-MM-DD");
        }
    }

    private static void checkNumber(JsonObject schema, JsonNumber value, String path, List<String> problems) {
        if (!isReasonable(value)) {
            problems.add(path + ": is out of range (at most " + MAX_DIGITS + " digits and a magnitude below 1e" + MAX_EXPONENT + ")");
            return;
        }
        if (schema.containsKey("minimum") && value.bigDecimalValue().compareTo(schema.getJsonNumber("minimum").bigDecimalValue()) < 0) {
            problems.add(path + ": must be at least " + schema.getJsonNumber("minimum"));
        }
        if (schema.containsKey("maximum") && value.bigDecimalValue().compareTo(schema.getJsonNumber("maximum").bigDecimalValue()) > 0) {
            problems.add(path + ": must be at most " + schema.getJsonNumber("maximum"));
        }
    }

    private static void checkArray(JsonObject schema, JsonArray value, String path, List<String> problems) {
        JsonValue items = schema.get("items");
        if (items instanceof JsonObject itemSchema) {
            for (int i = 0; i < value.size(); i++) {
                check(itemSchema, value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static boolean matchesType(JsonValue type, JsonValue value) {
        if (type.getValueType() == ValueType.ARRAY) {
            return type.asJsonArray().stream().anyMatch(t -> matchesType(t, value));
        }
        if (type.getValueType() != ValueType.STRING) {
            return true;
        }
        return switch (((JsonString) type).getString()) {
            case "object" -> value.getValueType() == ValueType.OBJECT;
            case "array" -> value.getValueType() == ValueType.ARRAY;
            case "string" -> value.getValueType() == ValueType.STRING;
            case "boolean" -> value.getValueType() == ValueType.TRUE || value.getValueType() == ValueType.FALSE;
            case "null" -> value.getValueType() == ValueType.NULL;
            case "number" -> value.getValueType() == ValueType.NUMBER;
            case "integer" -> value.getValueType() == ValueType.NUMBER && isIntegral((JsonNumber) value);
            default -> true;
        };
    }

    /**
     * Whether a number is whole, without turning it into a BigInteger: 1e10000000 is whole, and
     * expanding it costs seconds of CPU. Unreasonable numbers count as whole here and are refused
     * as out of range by {@link #checkNumber}.
     */
    private static boolean isIntegral(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        if (value.scale() <= 0 || !isReasonable(number)) {
            return true;
        }
        return value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * Bounds scale and precision before any exact conversion. No argument of ours needs more than
     * a double's range or 40 significant digits.
     */
    private static boolean isReasonable(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        if (value.signum() == 0) {
            return true;
        }
        int precision = value.precision();
        long exponent = (long) precision - value.scale(); // the decimal exponent of the leading digit, plus one
        return precision <= MAX_DIGITS && Math.abs(exponent) <= MAX_EXPONENT;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String describeType(JsonValue typeKeyword) {
        return typeKeyword.toString().replace("\"", "");
    }
}
