package dev.jakartamcp.userservice.control;

import dev.jakartamcp.userservice.entity.User;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a create or update body into a {@link User}, collecting every problem in the shape FastAPI
 * uses for 422 answers ({@code {"loc":[...],"msg":...,"type":...}}), so clients of the upstream
 * service see the same errors. Nothing is applied unless the whole body is valid.
 */
public final class UserInput {

    public static final Set<String> GENDERS = Set.of("male", "female", "other");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CARD_SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern CARD_DIGITS = Pattern.compile("^\\d{13,19}$");
    private static final Pattern CVV = Pattern.compile("^\\d{3,4}$");
    private static final Pattern EXP_DATE = Pattern.compile("^(0[1-9]|1[0-2])/\\d{4}$");

    private final JsonObject body;
    private final boolean create;
    private final List<JsonObject> errors = new ArrayList<>();
    private final List<Consumer<User>> changes = new ArrayList<>();

    private UserInput(JsonObject body, boolean create) {
        this.body = body;
        this.create = create;
    }

    /** Validates a POST body: name, surname, email and about_me are required. */
    public static UserInput forCreate(JsonObject body) {
        return new UserInput(body, true).read();
    }

    /** Validates a PUT body: every field optional, only non-null ones are applied; about_me is not updatable. */
    public static UserInput forUpdate(JsonObject body) {
        return new UserInput(body, false).read();
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<JsonObject> errors() {
        return errors;
    }

    /** The new email, if the body sets one. */
    public String email() {
        JsonValue v = body.get("email");
        return v instanceof JsonString s ? s.getString().trim() : null;
    }

    public void applyTo(User user) {
        if (!isValid()) {
            throw new IllegalStateException("invalid input must not be applied");
        }
        changes.forEach(c -> c.accept(user));
    }

    private UserInput read() {
        text("name", create, (u, v) -> u.name = v);
        text("surname", create, (u, v) -> u.surname = v);
        String email = text("email", create, (u, v) -> u.email = v);
        if (email != null && !EMAIL.matcher(email).matches()) {
            error(List.of("email"), "value is not a valid email address", "value_error");
        }
        if (create) {
            text("about_me", true, (u, v) -> u.aboutMe = v);
        }
        text("phone", false, (u, v) -> u.phone = v);
        String birth = text("date_of_birth", false, (u, v) -> u.dateOfBirth = LocalDate.parse(v));
        if (birth != null) {
            try {
                LocalDate.parse(birth);
            } catch (DateTimeParseException e) {
                error(List.of("date_of_birth"), "Input should be a valid date in the format YYYY-MM-DD", "date_from_datetime_parsing");
            }
        }
        String gender = text("gender", false, (u, v) -> u.gender = v);
        if (gender != null && !GENDERS.contains(gender)) {
            error(List.of("gender"), "Input should be 'male', 'female' or 'other'", "enum");
        }
        text("company", false, (u, v) -> u.company = v);
        readSalary();
        readAddress();
        readCreditCard();
        return this;
    }

    private void readSalary() {
        JsonValue v = body.get("salary");
        if (v == null || v.getValueType() == ValueType.NULL) {
            return;
        }
        if (v.getValueType() != ValueType.NUMBER) {
            error(List.of("salary"), "Input should be a valid number", "float_type");
            return;
        }
        double salary = ((JsonNumber) v).doubleValue();
        changes.add(u -> u.salary = salary);
    }

    private void readAddress() {
        JsonObject address = nestedObject("address");
        if (address == null) {
            return;
        }
        String country = nestedText(address, "address", "country");
        String city = nestedText(address, "address", "city");
        String street = nestedText(address, "address", "street");
        String flat = nestedText(address, "address", "flat_house");
        changes.add(u -> {
            u.addressCountry = country;
            u.addressCity = city;
            u.addressStreet = street;
            u.addressFlatHouse = flat;
        });
    }

    private void readCreditCard() {
        JsonObject card = nestedObject("credit_card");
        if (card == null) {
            return;
        }
        String num = nestedText(card, "credit_card", "num");
        String cvv = nestedText(card, "credit_card", "cvv");
        String exp = nestedText(card, "credit_card", "exp_date");
        String digits = num == null ? null : CARD_SEPARATORS.matcher(num).replaceAll("");
        if (digits != null && !CARD_DIGITS.matcher(digits).matches()) {
            error(List.of("credit_card", "num"), "Card number must have 13 to 19 digits", "value_error");
        }
        if (cvv != null && !CVV.matcher(cvv).matches()) {
            error(List.of("credit_card", "cvv"), "CVV must have 3 or 4 digits", "value_error");
        }
        if (exp != null && !EXP_DATE.matcher(exp).matches()) {
            error(List.of("credit_card", "exp_date"), "Expiry date must be MM/YYYY", "value_error");
        }
        changes.add(u -> {
            u.cardNumber = digits;
            u.cardCvv = null; // validated for compatibility with mockuserservice, never stored (PCI DSS forbids it)
            u.cardExpDate = exp;
        });
    }

    private JsonObject nestedObject(String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != ValueType.OBJECT) {
            error(List.of(field), "Input should be a valid dictionary or object", "model_type");
            return null;
        }
        return v.asJsonObject();
    }

    private String nestedText(JsonObject object, String parent, String field) {
        JsonValue v = object.get(field);
        if (v == null || v.getValueType() == ValueType.NULL) {
            error(List.of(parent, field), "Field required", "missing");
            return null;
        }
        if (v.getValueType() != ValueType.STRING) {
            error(List.of(parent, field), "Input should be a valid string", "string_type");
            return null;
        }
        String value = ((JsonString) v).getString().trim();
        if (value.length() > 255) {
            error(List.of(parent, field), "String should have at most 255 characters", "string_too_long");
            return null;
        }
        return value;
    }

    private String text(String field, boolean required, java.util.function.BiConsumer<User, String> apply) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == ValueType.NULL) {
            if (required) {
                error(List.of(field), "Field required", "missing");
            }
            return null;
        }
        if (v.getValueType() != ValueType.STRING) {
            error(List.of(field), "Input should be a valid string", "string_type");
            return null;
        }
        String value = ((JsonString) v).getString().trim();
        if (required && value.isEmpty()) {
            error(List.of(field), "String should have at least 1 character", "string_too_short");
            return null;
        }
        // the columns' sizes: longer text is refused here, not by the database with a misleading error
        int max = field.equals("about_me") ? 4000 : 255;
        if (value.length() > max) {
            error(List.of(field), "String should have at most " + max + " characters", "string_too_long");
            return null;
        }
        changes.add(u -> apply.accept(u, value));
        return value;
    }

    private void error(List<String> location, String message, String type) {
        var loc = UserJson.array().add("body");
        location.forEach(loc::add);
        errors.add(UserJson.object().add("loc", loc).add("msg", message).add("type", type).build());
    }
}
