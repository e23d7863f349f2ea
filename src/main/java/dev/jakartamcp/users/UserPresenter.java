package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shapes users for a language model: the CVV always dropped, card numbers masked to their last four
 * digits unless {@code users.pii.reveal-card-numbers=true} (the embedded user service itself sends
 * them masked unless its caller holds {@code userservice.card-numbers.role}); and a readable text form.
 */
@ApplicationScoped
public class UserPresenter {

    @Inject
    @ConfigProperty(name = "users.pii.reveal-card-numbers", defaultValue = "false")
    boolean revealCardNumbers;

    public JsonObject mask(JsonObject user) {
        JsonValue card = user.get("credit_card");
        if (!(card instanceof JsonObject c)) {
            return user;
        }
        // the CVV is dropped even when numbers are revealed: nobody needs it after the card was taken
        JsonObjectBuilder masked = JsonCodec.object()
                .add("num", revealCardNumbers ? c.getString("num", "") : maskNumber(c.getString("num", "")))
                .add("exp_date", c.get("exp_date") == null ? JsonValue.NULL : c.get("exp_date"));
        return JsonCodec.object(user).add("credit_card", masked).build();
    }

    static String maskNumber(String number) {
        String digits = number.replaceAll("\\D", "");
        String last4 = digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits;
        return "****-****-****-" + last4;
    }

    /** Several lines about one (already masked) user. */
    public String describe(JsonObject u) {
        StringBuilder out = new StringBuilder(line(u));
        appendIf(out, "phone", text(u, "phone"));
        appendIf(out, "born", text(u, "date_of_birth"));
        appendIf(out, "gender", text(u, "gender"));
        appendIf(out, "company", text(u, "company"));
        if (u.get("salary") instanceof JsonNumber salary) {
            appendIf(out, "salary", salary.toString());
        }
        if (u.get("address") instanceof JsonObject a) {
            appendIf(out, "address", String.join(", ", text(a, "street"), text(a, "flat_house"), text(a, "city"),
                    text(a, "country")));
        }
        if (u.get("credit_card") instanceof JsonObject c) {
            appendIf(out, "credit card", text(c, "num") + " (expires " + text(c, "exp_date") + ")");
        }
        appendIf(out, "about", text(u, "about_me"));
        return out.toString();
    }

    /** One line: id, name and email. */
    public String line(JsonObject u) {
        return "User " + u.get("id") + ": " + text(u, "name") + " " + text(u, "surname") + " <" + text(u, "email") + ">";
    }

    private static void appendIf(StringBuilder out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            out.append("\n  ").append(label).append(": ").append(value);
        }
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
    }
}
