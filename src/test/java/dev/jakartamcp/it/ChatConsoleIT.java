package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat page and its tools console with no LLM configured: the default deployment. */
@ExtendWith(ArquillianExtension.class)
class ChatConsoleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL deployed;

    ChatApi api;

    @BeforeEach
    void connect() {
        api = new ChatApi(Deployments.localBase(deployed));
    }

    @Test
    void consoleListsAndCallsToolsWithoutAnLlm() {
        JsonObject status = RawMcp.json(api.call("GET", "api/tools", null).body()).asJsonObject();
        assertFalse(status.getBoolean("llmConfigured"));
        JsonObject users = status.getJsonArray("servers").getJsonObject(0);
        assertEquals("users", users.getString("name"));
        assertTrue(users.getBoolean("available"));
        assertEquals(5, users.getJsonArray("tools").size());

        JsonObject result = RawMcp.json(api.call("POST", "api/tools/users/get_user_by_id", "{\"id\":1}").body()).asJsonObject();
        assertFalse(result.getBoolean("isError"));
        assertEquals("Karen", result.getJsonObject("structuredContent").getString("name"));
        JsonObject bad = RawMcp.json(api.call("POST", "api/tools/users/get_user_by_id", "{\"id\":\"one\"}").body()).asJsonObject();
        assertTrue(bad.getBoolean("isError"));
        assertTrue(bad.getString("text").contains("arguments.id"), bad.getString("text"));
        assertEquals(404, api.call("POST", "api/tools/nobody/get_user_by_id", "{}").statusCode());
        assertEquals(400, api.call("POST", "api/tools/users/no_such_tool", "{}").statusCode());
        assertEquals(400, api.call("POST", "api/tools/users/get_user_by_id", "[1]").statusCode());
    }

    /**
     * A call that asks for a stream declares elicitation: delete_user's confirmation arrives as an
     * event, declining keeps the user, accepting deletes it; the plain JSON call stays as it was.
     */
    @Test
    void streamedConsoleCallsRelayTheDeleteConfirmation() {
        int id = addUser("Con", "Firm", "con.firm@example.org");
        List<ChatApi.Event> declined = deleteStreamed(id, q -> "{\"action\":\"decline\"}");
        assertEquals(List.of("elicitation", "result"), declined.stream().map(ChatApi.Event::name).toList());
        JsonObject question = declined.get(0).data();
        assertTrue(question.getString("message").contains("con.firm@example.org"), question.toString());
        assertTrue(question.getJsonObject("requestedSchema").getJsonObject("properties").containsKey("confirm"));
        assertTrue(declined.get(1).data().getString("text").contains("NOT deleted"), declined.get(1).data().toString());
        assertEquals(200, api.call("GET", "v1/users/" + id, null).statusCode());

        List<ChatApi.Event> accepted = deleteStreamed(id, q -> "{\"action\":\"accept\",\"content\":{\"confirm\":true}}");
        assertEquals(List.of("elicitation", "result"), accepted.stream().map(ChatApi.Event::name).toList());
        assertFalse(accepted.get(1).data().getBoolean("isError"));
        assertEquals("Deleted user " + id + ".", accepted.get(1).data().getString("text"));
        assertEquals(404, api.call("GET", "v1/users/" + id, null).statusCode());

        // refusals keep their status before any stream starts
        assertEquals(404, api.call("POST", "api/tools/nobody/delete_user", "{}").statusCode());
        var unknownTool = java.net.http.HttpRequest.newBuilder(api.base.resolve("api/tools/users/no_such_tool"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            assertEquals(400, api.http.send(unknownTool, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The console's answer endpoint refuses what it cannot take, and answers nobody else's questions. */
    @Test
    void consoleAnswersAreRefusedWhenNothingWaits() {
        String decline = "{\"action\":\"decline\"}";
        assertEquals(404, api.call("POST", "api/tools/elicitations/no-such-question", decline).statusCode());
        assertEquals(400, api.call("POST", "api/tools/elicitations/no-such-question", "not json").statusCode());
        assertEquals(400, api.call("POST", "api/tools/elicitations/no-such-question", "{\"action\":\"maybe\"}").statusCode());
        assertEquals(400, api.call("POST", "api/tools/elicitations/no-such-question", "[]").statusCode());
        var refused = api.call("POST", "api/tools/elicitations/no-such-question", decline);
        assertTrue(RawMcp.json(refused.body()).asJsonObject().getString("error").contains("no-such-question"), refused.body());
    }

    private int addUser(String name, String surname, String email) {
        var created = api.call("POST", "v1/users", "{\"name\":\"" + name + "\",\"surname\":\"" + surname
                + "\",\"email\":\"" + email + "\",\"about_me\":\"x\"}");
        assertEquals(201, created.statusCode(), created.body());
        return RawMcp.json(created.body()).asJsonObject().getInt("id");
    }

    private List<ChatApi.Event> deleteStreamed(int id, java.util.function.Function<JsonObject, String> answerer) {
        return api.stream("api/tools/users/delete_user", "{\"id\":" + id + "}", "api/tools/elicitations/", answerer, e -> { });
    }

    @Test
    void theChatSaysHowToConfigureAnLlm() {
        List<ChatApi.Event> events = api.send(api.newConversation(), "hello");
        assertEquals(List.of("error", "done"), events.stream().map(ChatApi.Event::name).toList());
        assertTrue(events.get(0).data().getString("message").contains("agent.llm.endpoint"));
    }

    @Test
    void thePageIsServedAtTheRoot() {
        var page = api.call("GET", "", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"chat.js\""), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
        assertEquals(200, api.call("GET", "chat.js", null).statusCode());
        assertEquals(200, api.call("GET", "chat.css", null).statusCode());
    }

    /** What the README promises beside the app: health, metrics (with the user client's fault tolerance) and OpenAPI. */
    @Test
    void healthMetricsAndOpenApiAreServed() {
        api.call("POST", "api/tools/users/get_user_by_id", "{\"id\":1}"); // the fault-tolerance metrics exist once used
        var ready = api.call("GET", Servers.health(api.base, "ready").toString(), null);
        assertEquals(200, ready.statusCode(), ready.body());
        // readiness checks the database and the user service's circuit, not just that the server is up
        assertTrue(ready.body().contains("database") && ready.body().contains("user-service"), ready.body());
        assertEquals(200, api.call("GET", Servers.health(api.base, "live").toString(), null).statusCode());
        var metrics = api.call("GET", Servers.metrics(api.base).toString(), null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("ft_"), "fault-tolerance metrics of the user service client on " + Servers.name());
        assertTrue(metrics.body().contains("UserGateway"), "the user service client's own figures");
        var openapi = api.call("GET", "openapi", null);
        assertEquals(200, openapi.statusCode());
        assertTrue(Servers.openApiLists(openapi.body(), "/v1", "/users/search"), openapi.body());
    }

    /** In real Chromium, phone-sized: the banner, then a tool called from the console's generated form. */
    @Test
    void browserUsesTheToolsConsole() {
        try (Browser browser = new Browser(412, 915)) {
            browser.driver.get(api.base.toString());
            assertTrue(browser.await(By.id("llm-missing")).getText().contains("No LLM is configured"));
            browser.await(By.id("tab-tools")).click();
            WebElement tool = browser.await(By.cssSelector("details[data-tool='get_user_by_id']"));
            tool.findElement(By.tagName("summary")).click();
            WebElement id = tool.findElement(By.name("id"));
            id.clear();
            id.sendKeys("3");
            tool.findElement(By.cssSelector("button[type='submit']")).click();
            WebElement result = browser.waitUntil(d -> {
                WebElement r = tool.findElement(By.className("result"));
                return r.isDisplayed() && r.getText().contains("Carol") ? r : null;
            });
            assertTrue(result.getText().contains("structuredContent"), result.getText());
            assertTrue(result.getText().contains("****-****-****-1592"), "masked in the page too: " + result.getText());
            browser.screenshot("tools-console-phone");
        }
    }

    /**
     * In real Chromium: delete_user called from the console asks in the page's elicitation dialog;
     * declining keeps the user, accepting (with the box ticked) deletes it.
     */
    @Test
    void browserConfirmsAConsoleDeleteInTheDialog() {
        int id = addUser("Dia", "Log", "dia.log@example.org");
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(api.base.toString());
            browser.await(By.id("tab-tools")).click();
            WebElement tool = browser.await(By.cssSelector("details[data-tool='delete_user']"));
            tool.findElement(By.tagName("summary")).click();
            WebElement field = tool.findElement(By.name("id"));
            field.clear();
            field.sendKeys(String.valueOf(id));

            tool.findElement(By.cssSelector("button[type='submit']")).click();
            WebElement dialog = browser.await(By.id("elicitation"));
            assertTrue(dialog.getText().contains("dia.log@example.org"), dialog.getText());
            browser.screenshot("tools-console-elicitation");
            browser.driver.findElement(By.id("elicitation-decline")).click();
            awaitResult(browser, tool, "NOT deleted");
            assertEquals(200, api.call("GET", "v1/users/" + id, null).statusCode());

            tool.findElement(By.cssSelector("button[type='submit']")).click();
            dialog = browser.await(By.id("elicitation"));
            dialog.findElement(By.name("confirm")).click();
            browser.driver.findElement(By.id("elicitation-accept")).click();
            awaitResult(browser, tool, "Deleted user " + id);
        }
        assertEquals(404, api.call("GET", "v1/users/" + id, null).statusCode());
    }

    private static void awaitResult(Browser browser, WebElement tool, String text) {
        browser.waitUntil(d -> {
            WebElement r = tool.findElement(By.className("result"));
            return r.isDisplayed() && r.getText().contains(text) ? r : null;
        });
    }
}
