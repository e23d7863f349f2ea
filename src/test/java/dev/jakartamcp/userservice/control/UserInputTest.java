package dev.jakartamcp.userservice.control;

import dev.jakartamcp.userservice.entity.User;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserInputTest {

    private static JsonObject json(String text) {
        return UserJson.parse(text).asJsonObject();
    }

    @Test
    void createAppliesEveryFieldAndNormalisesTheCard() {
        UserInput input = UserInput.forCreate(json("{\"name\":\" Ada \",\"surname\":\"L\",\"email\":\"ada@x.org\",\"about_me\":\"m\","
                + "\"date_of_birth\":\"1815-12-10\",\"gender\":\"female\",\"salary\":5,"
                + "\"address\":{\"country\":\"UK\",\"city\":\"London\",\"street\":\"S\",\"flat_house\":\"1\"},"
                + "\"credit_card\":{\"num\":\"4111-1111 1111-1111\",\"cvv\":\"123\",\"exp_date\":\"01/2030\"}}"));
        assertTrue(input.isValid(), input.errors().toString());
        User user = new User();
        input.applyTo(user);
        assertEquals("Ada", user.name);
        assertEquals(LocalDate.of(1815, 12, 10), user.dateOfBirth);
        assertEquals("4111111111111111", user.cardNumber);
        assertEquals("4111-1111-1111-1111", UserJson.groupsOfFour(user.cardNumber));
        assertEquals("London", user.addressCity);
    }

    @Test
    void createNeedsTheFourRequiredFields() {
        UserInput input = UserInput.forCreate(json("{}"));
        assertEquals(4, input.errors().size(), input.errors().toString());
        assertThrows(IllegalStateException.class, () -> input.applyTo(new User()));
    }

    @Test
    void everyProblemIsReportedWithItsLocation() {
        UserInput input = UserInput.forCreate(json("{\"name\":1,\"surname\":\"\",\"email\":\"nope\",\"about_me\":\"x\","
                + "\"gender\":\"robot\",\"date_of_birth\":\"2001-02-30\",\"salary\":\"a lot\",\"address\":{\"city\":\"c\"},"
                + "\"credit_card\":{\"num\":\"12\",\"cvv\":\"1\",\"exp_date\":\"13/2030\"}}"));
        String errors = input.errors().toString();
        for (String loc : new String[]{"\"name\"", "\"surname\"", "\"email\"", "\"gender\"", "\"date_of_birth\"", "\"salary\"",
                "\"country\"", "\"street\"", "\"flat_house\"", "\"num\"", "\"cvv\"", "\"exp_date\""}) {
            assertTrue(errors.contains(loc), loc + " in " + errors);
        }
    }

    @Test
    void textLongerThanItsColumnIsRefused() {
        UserInput input = UserInput.forUpdate(json("{\"company\":\"" + "c".repeat(256) + "\"}"));
        assertFalse(input.isValid());
        assertTrue(input.errors().toString().contains("string_too_long"), input.errors().toString());
        assertTrue(UserInput.forCreate(json("{\"name\":\"n\",\"surname\":\"s\",\"email\":\"a@b.co\",\"about_me\":\""
                + "a".repeat(4000) + "\"}")).isValid(), "about_me may be long");
    }

    @Test
    void updateAppliesOnlyNonNullFieldsAndIgnoresAboutMe() {
        UserInput input = UserInput.forUpdate(json("{\"company\":\"C\",\"phone\":null,\"about_me\":\"changed\"}"));
        assertTrue(input.isValid());
        User user = new User();
        user.phone = "+1";
        user.aboutMe = "original";
        input.applyTo(user);
        assertEquals("C", user.company);
        assertEquals("+1", user.phone);
        assertEquals("original", user.aboutMe);
        assertNull(input.email());
    }

    @Test
    void updateValidatesWhatIsGiven() {
        assertFalse(UserInput.forUpdate(json("{\"email\":\"bad\"}")).isValid());
        assertEquals("new@x.org", UserInput.forUpdate(json("{\"email\":\"new@x.org\"}")).email());
    }
}
