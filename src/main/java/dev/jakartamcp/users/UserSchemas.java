package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * JSON Schemas of the user tools' arguments and results, mirroring the user service's contract.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool
 */
final class UserSchemas {

    static final JsonArray GENDERS = JsonCodec.array().add("male").add("female").add("other").build();

    private UserSchemas() {
    }

    static JsonObject idOnly(String description) {
        return object().add("properties", JsonCodec.object().add("id", id(description)))
                .add("required", JsonCodec.array().add("id"))
                .add("additionalProperties", false).build();
    }

    static JsonObject search() {
        return object().add("properties", JsonCodec.object()
                        .add("name", string("Part of the first name, case-insensitive"))
                        .add("surname", string("Part of the surname, case-insensitive"))
                        .add("email", string("Part of the email address, case-insensitive"))
                        .add("gender", JsonCodec.object().add("type", "string").add("enum", GENDERS)
                                .add("description", "Exact gender")))
                .add("additionalProperties", false).build();
    }

    static JsonObject create() {
        return object().add("properties", userFields(true))
                .add("required", JsonCodec.array().add("name").add("surname").add("email").add("about_me"))
                .add("additionalProperties", false).build();
    }

    static JsonObject update() {
        JsonObject newInfo = object().add("properties", userFields(false))
                .add("additionalProperties", false)
                .add("description", "Only the fields to change; the others keep their values").build();
        return object().add("properties", JsonCodec.object()
                        .add("id", id("The id of the user to change"))
                        .add("new_info", newInfo))
                .add("required", JsonCodec.array().add("id").add("new_info"))
                .add("additionalProperties", false).build();
    }

    /** A user as the tools return it: card number masked and CVV omitted by default. */
    static JsonObject user() {
        JsonObject address = object().add("properties", JsonCodec.object()
                .add("country", type("string")).add("city", type("string"))
                .add("street", type("string")).add("flat_house", type("string"))).build();
        JsonObject card = object().add("properties", JsonCodec.object()
                .add("num", type("string")).add("cvv", type("string")).add("exp_date", type("string"))).build();
        return object().add("properties", JsonCodec.object()
                        .add("id", type("integer"))
                        .add("name", type("string"))
                        .add("surname", type("string"))
                        .add("email", type("string"))
                        .add("phone", nullable("string"))
                        .add("date_of_birth", nullable("string"))
                        .add("gender", nullable("string"))
                        .add("company", nullable("string"))
                        .add("salary", nullable("number"))
                        .add("about_me", type("string"))
                        .add("address", JsonCodec.object(address).add("type", JsonCodec.array().add("object").add("null")))
                        .add("credit_card", JsonCodec.object(card).add("type", JsonCodec.array().add("object").add("null")))
                        .add("created_at", type("string")))
                .add("required", JsonCodec.array().add("id").add("name").add("surname").add("email"))
                .build();
    }

    static JsonObject userList() {
        return object().add("properties", JsonCodec.object()
                        .add("count", type("integer"))
                        .add("users", JsonCodec.object().add("type", "array").add("items", user())))
                .add("required", JsonCodec.array().add("count").add("users")).build();
    }

    private static JsonObjectBuilder userFields(boolean create) {
        JsonObjectBuilder fields = JsonCodec.object()
                .add("name", string("First name"))
                .add("surname", string("Surname"))
                .add("email", JsonCodec.object().add("type", "string").add("format", "email")
                        .add("description", "Email address; must be unique"));
        if (create) {
            fields.add("about_me", string("A few words about the user"));
        }
        return fields
                .add("phone", string("Phone number"))
                .add("date_of_birth", JsonCodec.object().add("type", "string").add("format", "date")
                        .add("description", "Date of birth as YYYY-MM-DD"))
                .add("gender", JsonCodec.object().add("type", "string").add("enum", GENDERS))
                .add("company", string("Employer"))
                .add("salary", JsonCodec.object().add("type", "number").add("minimum", 0).add("description", "Yearly salary"))
                .add("address", object().add("properties", JsonCodec.object()
                                .add("country", type("string")).add("city", type("string"))
                                .add("street", type("string")).add("flat_house", type("string")))
                        .add("required", JsonCodec.array().add("country").add("city").add("street").add("flat_house"))
                        .add("additionalProperties", false))
                .add("credit_card", object().add("properties", JsonCodec.object()
                                .add("num", JsonCodec.object().add("type", "string").add("pattern", "^[0-9 -]{13,23}$")
                                        .add("description", "13 to 19 digits; spaces and dashes are ignored"))
                                .add("cvv", JsonCodec.object().add("type", "string").add("pattern", "^[0-9]{3,4}$"))
                                .add("exp_date", JsonCodec.object().add("type", "string")
                                        .add("pattern", "^(0[1-9]|1[0-2])/[0-9]{4}$").add("description", "MM/YYYY")))
                        .add("required", JsonCodec.array().add("num").add("cvv").add("exp_date"))
                        .add("additionalProperties", false));
    }

    private static JsonObjectBuilder object() {
        return JsonCodec.object().add("type", "object");
    }

    private static JsonObjectBuilder id(String description) {
        return JsonCodec.object().add("type", "integer").add("minimum", 1).add("maximum", 9_007_199_254_740_991L)
                .add("description", description);
    }

    private static JsonObjectBuilder string(String description) {
        return JsonCodec.object().add("type", "string").add("description", description);
    }

    private static JsonObjectBuilder type(String type) {
        return JsonCodec.object().add("type", type);
    }

    private static JsonObjectBuilder nullable(String type) {
        return JsonCodec.object().add("type", JsonCodec.array().add(type).add("null"));
    }
}
