package dev.jakartamcp.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent scenarios with the OpenAI flavour: POST {endpoint}/chat/completions, Authorization: Bearer. */
@ExtendWith(ArquillianExtension.class)
class AgentOpenAiIT extends AgentScenarios {

    static final FakeLlm LLM = new FakeLlm("openai");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return deployment(LLM, "openai", "auto");
    }

    /** auto: 2026-07-28 with our own /mcp (MRTR), 2025 with the fetch server */
    @Override
    String protocol() {
        return "auto";
    }

    @Override
    FakeLlm llm() {
        return LLM;
    }

    /**
     * In real Chromium: the scenario message streams back with tool cards, and a delete is confirmed
     * in the elicitation dialog generated from the requested schema.
     */
    @org.junit.jupiter.api.Test
    void browserChatsWithToolCardsAndAnElicitationDialog() {
        var created = chat.call("POST", "v1/users", "{\"name\":\"Brow\",\"surname\":\"Ser\",\"email\":\"brow.ser@example.org\",\"about_me\":\"x\"}");
        int id = RawMcp.json(created.body()).asJsonObject().getInt("id");
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(base.toString());
            var input = browser.await(org.openqa.selenium.By.id("input"));
            input.sendKeys("Check if Arkadiy Dobkin present as a user, if not then search info about him in the web and add him");
            browser.driver.findElement(org.openqa.selenium.By.id("send")).click();
            browser.waitUntil(d -> d.findElements(org.openqa.selenium.By.cssSelector(".msg.assistant")).stream()
                    .anyMatch(m -> m.getText().contains("Arkadiy Dobkin")) ? Boolean.TRUE : null);
            var cards = browser.driver.findElements(org.openqa.selenium.By.cssSelector("details.tool summary"));
            org.junit.jupiter.api.Assertions.assertTrue(cards.stream().anyMatch(c -> c.getText().contains("search_users")),
                    "a card per tool call");
            cards.get(0).click();
            org.junit.jupiter.api.Assertions.assertTrue(browser.driver.findElement(org.openqa.selenium.By.cssSelector("details.tool pre"))
                    .getText().contains("Arkadiy"), "the card shows the arguments");
            browser.screenshot("chat-scenario");

            input.sendKeys("Please delete user " + id);
            browser.driver.findElement(org.openqa.selenium.By.id("send")).click();
            var dialog = browser.await(org.openqa.selenium.By.id("elicitation"));
            org.junit.jupiter.api.Assertions.assertTrue(dialog.getText().contains("brow.ser@example.org"), dialog.getText());
            dialog.findElement(org.openqa.selenium.By.name("confirm")).click();
            browser.screenshot("chat-elicitation");
            browser.driver.findElement(org.openqa.selenium.By.id("elicitation-accept")).click();
            browser.waitUntil(d -> d.findElements(org.openqa.selenium.By.cssSelector(".msg.assistant")).stream()
                    .anyMatch(m -> m.getText().contains("Deleted user " + id)) ? Boolean.TRUE : null);
        }
        org.junit.jupiter.api.Assertions.assertEquals(404, chat.call("GET", "v1/users/" + id, null).statusCode());
    }
}
