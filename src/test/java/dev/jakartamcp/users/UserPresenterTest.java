package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserPresenterTest {

    private static final JsonObject USER = JsonCodec.parseObject("{\"id\":7,\"name\":\"A\",\"surname\":\"B\",\"email\":\"a@b.co\","
            + "\"address\":null,\"credit_card\":{\"num\":\"4111-1111-1111-1234\",\"cvv\":\"999\",\"exp_date\":\"01/2030\"}}");

    @Test
    void masksTheCardNumberAndDropsTheCvvByDefault() {
        UserPresenter presenter = new UserPresenter();
        JsonObject masked = presenter.mask(USER);
        assertEquals("****-****-****-1234", masked.getJsonObject("credit_card").getString("num"));
        assertFalse(masked.getJsonObject("credit_card").containsKey("cvv"));
        String text = presenter.describe(masked);
        assertTrue(text.contains("****-****-****-1234"), text);
        assertFalse(text.contains("4111") || text.contains("999"), text);
    }

    @Test
    void revealsTheNumberOnlyWhenConfiguredAndNeverTheCvv() {
        UserPresenter presenter = new UserPresenter();
        presenter.revealCardNumbers = true;
        JsonObject card = presenter.mask(USER).getJsonObject("credit_card");
        assertEquals("4111-1111-1111-1234", card.getString("num"));
        assertFalse(card.containsKey("cvv"));
    }

    @Test
    void usersWithoutCardsAreUntouched() {
        JsonObject noCard = JsonCodec.object(USER).addNull("credit_card").build();
        assertEquals(noCard, new UserPresenter().mask(noCard));
    }
}
