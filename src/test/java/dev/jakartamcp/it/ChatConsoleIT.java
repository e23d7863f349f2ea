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
}
