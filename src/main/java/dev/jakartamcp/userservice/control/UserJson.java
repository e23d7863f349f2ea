package dev.jakartamcp.userservice.control;

import dev.jakartamcp.userservice.entity.User;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The user service's JSON: snake_case fields, address and credit_card always present (null when
 * absent). A card carries no CVV (it is never stored) and its number is masked unless the caller
 * holds the role {@code userservice.card-numbers.role}.
 */
public final class UserJson {

    static final JsonProvider JSON = JsonProvider.provider();
    private static final jakarta.json.JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());
    private static final jakarta.json.JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    private UserJson() {
    }

    public static JsonValue parse(String text) {
        try (var reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    /** A user; the card number masked but for its last four digits unless the caller may see it whole. */
    public static JsonObject toJson(User u, boolean revealCardNumber) {
        JsonObjectBuilder b = object()
                .add("id", u.id)
                .add("name", u.name)
                .add("surname", u.surname)
                .add("email", u.email);
        addNullable(b, "phone", u.phone);
        addNullable(b, "date_of_birth", u.dateOfBirth == null ? null : u.dateOfBirth.toString());
        if (u.addressCountry == null) {
            b.addNull("address");
        } else {
            b.add("address", object().add("country", u.addressCountry).add("city", u.addressCity)
                    .add("street", u.addressStreet).add("flat_house", u.addressFlatHouse));
        }
        addNullable(b, "gender", u.gender);
        addNullable(b, "company", u.company);
        if (u.salary == null) {
            b.addNull("salary");
        } else {
            b.add("salary", BigDecimal.valueOf(u.salary));
        }
        b.add("about_me", u.aboutMe);
        if (u.cardNumber == null) {
            b.addNull("credit_card");
        } else {
            b.add("credit_card", object().add("num", revealCardNumber ? groupsOfFour(u.cardNumber) : masked(u.cardNumber))
                    .add("exp_date", u.cardExpDate));
        }
        b.add("created_at", u.createdAt.toString());
        return b.build();
    }

    public static String toJson(List<User> users, boolean revealCardNumbers) {
        JsonArrayBuilder array = array();
        users.forEach(u -> array.add(toJson(u, revealCardNumbers)));
        return array.build().toString();
    }

    /** The shape mockuserservice's callers know, as the MCP tools show it: ****-****-****-1234. */
    static String masked(String digits) {
        return "****-****-****-" + digits.substring(Math.max(0, digits.length() - 4));
    }

    static String groupsOfFour(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + 4);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static void addNullable(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }
}
