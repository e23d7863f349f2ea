package dev.jakartamcp.it;

import jakarta.json.JsonArray;
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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chat turns under races and deadlines, through the chat API against the real WAR: one turn at a time
 * per conversation (409 for the others), a whole-turn deadline of 5 s here, a page that leaves, and a
 * stored conversation that the LLM accepts afterwards every time. The scripted LLM refuses (400) any
 * request whose tool messages do not follow their tool_calls, as OpenAI does.
 */
@ExtendWith(ArquillianExtension.class)
class ChatTurnsIT {

    static final FakeLlm LLM = new FakeLlm("openai");
    static final int DEADLINE_SECONDS = 5;
    static final int IDLE_SECONDS = 3;
    static final CountingMcpServer COUNTING = new CountingMcpServer();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig(
                "agent.llm.endpoint=" + LLM.endpoint() + "\n"
                        + "agent.llm.api-key=" + FakeLlm.KEY + "\n"
                        + "agent.llm.model=" + FakeLlm.MODEL + "\n"
                        + "agent.mcp.servers=users=/mcp,fetch=http://127.0.0.1:" + AgentScenarios.FETCH_PORT + "/mcp,counting="
                        + COUNTING.url() + "\n"
                        + "agent.turn.timeout-seconds=" + DEADLINE_SECONDS + "\n"
                        // sessions shared across turns and a question the server withdraws are 2025 behaviour
                        + "agent.mcp.protocol=2025-11-25\n"
                        + "agent.mcp.session-idle-seconds=" + IDLE_SECONDS + "\n"
                        // the MCP server stops waiting for a confirmation well before the turn's deadline
                        + "mcp.client-request.timeout-seconds=2\n");
    }

    @ArquillianResource
    URL deployed;

    ChatApi chat;

    @BeforeEach
    void connect() {
        chat = new ChatApi(Deployments.localBase(deployed));
    }

    @Test
    void ofSixSimultaneousMessagesOneIsAnsweredAndFiveGet409() throws Exception {
        String id = chat.newConversation();
        CyclicBarrier start = new CyclicBarrier(6);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return post(id, "message " + n + ": answer slowly");
            }));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var f : sent) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        List<HttpResponse<String>> taken = answers.stream().filter(r -> r.statusCode() == 200).toList();
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 409).toList();
        assertEquals(1, taken.size(), statuses(answers));
        assertEquals(5, refused.size(), statuses(answers));
        for (var r : refused) {
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(RawMcp.json(r.body()).asJsonObject().getString("error").contains("still answering"), r.body());
        }
        assertTrue(taken.get(0).body().contains("slow 9."), "the one taken was answered in full");

        List<JsonObject> stored = messages(id);
        assertEquals(List.of("user", "assistant"), roles(stored), "only the question that was taken, and its answer");
        // the turn is over once done arrives: the next message is taken at once
        assertTrue(ChatApi.text(chat.send(id, "hello")).contains("I only help with users"));
        assertEquals(List.of("user", "assistant", "user", "assistant"), roles(messages(id)));
    }

    @Test
    void aMessageDuringParallelToolCallsGets409AndTheConversationStaysValid() {
        String id = chat.newConversation();
        int invalidBefore = LLM.invalid.get();
        List<Integer> whileRunning = new ArrayList<>();
        List<ChatApi.Event> events = chat.send(id, "fetch two pages in parallel", e -> null, e -> {
            if (e.name().equals("tool_call") && whileRunning.isEmpty()) {
                whileRunning.add(chat.call("POST", "api/conversations/" + id + "/messages", "{\"content\":\"and also this\"}").statusCode());
            }
        });
        assertEquals(List.of(409), whileRunning);
        assertTrue(ChatApi.text(events).contains("Fetched both pages"), events.toString());

        List<JsonObject> stored = messages(id);
        assertEquals(List.of("user", "assistant", "tool", "tool", "assistant"), roles(stored));
        JsonArray calls = stored.get(1).getJsonArray("tool_calls");
        assertEquals(calls.getJsonObject(0).getString("id"), stored.get(2).getString("tool_call_id"));
        assertEquals(calls.getJsonObject(1).getString("id"), stored.get(3).getString("tool_call_id"));
        assertTrue(stored.stream().noneMatch(m -> m.toString().contains("and also this")), "a refused message is not stored");

        List<ChatApi.Event> next = chat.send(id, "hello");
        assertTrue(ChatApi.named(next, "error").isEmpty(), next.toString());
        assertEquals(invalidBefore, LLM.invalid.get(), "the LLM accepted every request of this conversation");
    }

    @Test
    void theDeadlineEndsAnLlmStreamThatStalls() {
        String id = chat.newConversation();
        long start = System.currentTimeMillis();
        List<ChatApi.Event> events = chat.send(id, "stall mid-stream please");
        long took = System.currentTimeMillis() - start;
        assertDeadlineError(events, took);
        assertEquals("Let me think", ChatApi.text(events), "what streamed before the stall");
        assertEquals(List.of("user"), roles(messages(id)), "the unfinished answer is not stored");
        assertAnsweredAfterwards(id);
    }

    @Test
    void theDeadlineEndsAnLlmThatNeverSendsHeaders() {
        String id = chat.newConversation();
        long start = System.currentTimeMillis();
        List<ChatApi.Event> events = chat.send(id, "stall before headers please");
        assertDeadlineError(events, System.currentTimeMillis() - start);
        assertAnsweredAfterwards(id);
    }

    @Test
    void theDeadlineEndsASlowToolCallAndTheCallKeepsAnAnswer() {
        String id = chat.newConversation();
        long start = System.currentTimeMillis();
        List<ChatApi.Event> events = chat.send(id, "call the slow tool please");
        assertDeadlineError(events, System.currentTimeMillis() - start);
        assertEquals(1, ChatApi.named(events, "tool_call").size());

        List<JsonObject> stored = messages(id);
        assertEquals(List.of("user", "assistant", "tool"), roles(stored), "the call and its answer, together");
        assertEquals("call_slow", stored.get(2).getString("tool_call_id"));
        assertTrue(stored.get(2).getString("content").startsWith("Error: the turn ended before this tool answered"),
                stored.get(2).getString("content"));
        assertAnsweredAfterwards(id);
    }

    /**
     * The MCP server gives up on its question (2 s here) and cancels it at the client: the chat
     * closes the dialog (an elicitation_closed event) and the tool says nobody confirmed.
     */
    @Test
    void aQuestionTheServerWithdrawsClosesTheDialog() {
        var created = chat.call("POST", "v1/users", "{\"name\":\"Wit\",\"surname\":\"Drawn\",\"email\":\"wit.drawn@example.org\",\"about_me\":\"x\"}");
        int user = RawMcp.json(created.body()).asJsonObject().getInt("id");
        String id = chat.newConversation();
        List<ChatApi.Event> events = chat.send(id, "Please delete user " + user, question -> null); // nobody answers
        ChatApi.Event asked = ChatApi.named(events, "elicitation").get(0);
        List<ChatApi.Event> closed = ChatApi.named(events, "elicitation_closed");
        assertEquals(1, closed.size(), events.toString());
        assertEquals(asked.data().getString("id"), closed.get(0).data().getString("id"));
        assertTrue(ChatApi.named(events, "tool_result").get(0).data().getString("text").contains("NOT deleted"), events.toString());
        assertEquals(200, chat.call("GET", "v1/users/" + user, null).statusCode(), "still there");
    }

    /** Deleting a conversation ends its running turn at once, with an error that says so. */
    @Test
    void deletingAConversationEndsItsTurn() throws Exception {
        String id = chat.newConversation();
        CountDownLatch streaming = new CountDownLatch(1);
        CompletableFuture<List<ChatApi.Event>> running = CompletableFuture.supplyAsync(
                () -> chat.send(id, "stall mid-stream please", e -> null, e -> streaming.countDown()));
        assertTrue(streaming.await(20, TimeUnit.SECONDS));
        long deleted = System.currentTimeMillis();
        assertEquals(204, chat.call("DELETE", "api/conversations/" + id, null).statusCode());
        List<ChatApi.Event> events = running.get(20, TimeUnit.SECONDS);
        long ended = System.currentTimeMillis() - deleted;
        assertTrue(ended < (DEADLINE_SECONDS - 1) * 1000L, "ended " + ended + " ms after the delete, before the deadline could");
        assertEquals(List.of("The conversation was deleted."),
                ChatApi.named(events, "error").stream().map(e -> e.data().getString("message")).toList());
        assertEquals(404, chat.call("GET", "api/conversations/" + id, null).statusCode());
    }

    /** Turns one after the other share one MCP session per server; it is ended with DELETE once idle. */
    @Test
    void sessionsAreReusedAcrossTurnsAndClosedWhenIdle() throws Exception {
        String id = chat.newConversation();
        chat.send(id, "hello");
        int sessions = COUNTING.initialized.get();
        int deleted = COUNTING.deleted.get();
        for (int i = 0; i < 3; i++) {
            assertTrue(ChatApi.text(chat.send(id, "hello")).contains("I only help with users"));
        }
        chat.send(chat.newConversation(), "hello");
        assertEquals(sessions, COUNTING.initialized.get(), "four more turns, in two conversations, started no new session");
        assertEquals(deleted, COUNTING.deleted.get(), "and ended none");

        long waited = System.currentTimeMillis();
        while (COUNTING.deleted.get() == deleted && System.currentTimeMillis() - waited < 20_000) {
            Thread.sleep(100);
        }
        assertTrue(COUNTING.deleted.get() > deleted, "an idle session is ended with DELETE");
        chat.send(id, "hello");
        assertTrue(COUNTING.initialized.get() > sessions, "and the next turn starts a new one");
    }

    /** A page that closes its connection mid-answer ends the turn: the conversation is free again long before the deadline. */
    @Test
    void aPageThatLeavesEndsItsTurn() throws Exception {
        String id = chat.newConversation();
        URI base = chat.base;
        long left;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            byte[] body = "{\"content\":\"dribble please\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base.getPath() + "api/conversations/" + id + "/messages HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null && !(line.startsWith("event:") && line.contains("delta")); ) {
                // headers and anything before the first delta
            }
            left = System.currentTimeMillis();
        }
        int status = 409;
        while (status == 409 && System.currentTimeMillis() - left < 20_000) {
            Thread.sleep(100);
            status = chat.call("POST", "api/conversations/" + id + "/messages", "{\"content\":\"hello\"}").statusCode();
        }
        long freed = System.currentTimeMillis() - left;
        assertEquals(200, status);
        assertTrue(freed < (DEADLINE_SECONDS - 1) * 1000L, "freed " + freed + " ms after the page left, before the deadline could");
        assertEquals(List.of("user", "user", "assistant"), roles(messages(id)));
    }

    /** In Chromium: a message sent while another tab's turn runs shows the 409's error, and its text stays in the input. */
    @Test
    void thePageShowsTheRefusalAndKeepsTheText() throws Exception {
        String id = chat.newConversation();
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver.get(chat.base.toString()); // warm, so the rest fits in the 5 s the turn below runs
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<List<ChatApi.Event>> running = CompletableFuture.supplyAsync(
                    () -> chat.send(id, "please answer very slowly", e -> null, e -> started.countDown()));
            assertTrue(started.await(20, TimeUnit.SECONDS));
            browser.driver.get(chat.base.toString());
            browser.await(By.xpath("//ul[@id='conversations']/li[contains(., 'please answer very slowly')]")).click();
            browser.waitUntil(d -> d.findElements(By.cssSelector(".msg.user")).isEmpty() ? null : Boolean.TRUE);
            WebElement input = browser.await(By.id("input"));
            input.sendKeys("are you done?");
            browser.driver.findElement(By.id("send")).click();
            WebElement error = browser.await(By.cssSelector(".msg.error"));
            assertTrue(error.getText().contains("still answering"), error.getText());
            assertEquals("are you done?", input.getAttribute("value"), "the text is kept, to send again");
            assertTrue(browser.driver.findElements(By.cssSelector(".msg.user")).stream().noneMatch(m -> m.getText().equals("are you done?")),
                    "and not shown as sent");
            browser.screenshot("chat-409");
            running.get(30, TimeUnit.SECONDS);
        }
    }

    private void assertDeadlineError(List<ChatApi.Event> events, long tookMillis) {
        List<ChatApi.Event> errors = ChatApi.named(events, "error");
        assertEquals(1, errors.size(), events.toString());
        String message = errors.get(0).data().getString("message");
        assertTrue(message.contains("turn limit of " + DEADLINE_SECONDS + " s") && message.contains("agent.turn.timeout-seconds"), message);
        assertEquals("done", events.get(events.size() - 1).name());
        assertTrue(tookMillis >= DEADLINE_SECONDS * 1000L - 500 && tookMillis < DEADLINE_SECONDS * 1000L + 10_000,
                "ended by the deadline after " + tookMillis + " ms");
    }

    /** The turn let go of the conversation, and what it stored is a sequence the LLM accepts. */
    private void assertAnsweredAfterwards(String id) {
        int invalidBefore = LLM.invalid.get();
        List<ChatApi.Event> next = chat.send(id, "hello");
        assertTrue(ChatApi.named(next, "error").isEmpty(), next.toString());
        assertTrue(ChatApi.text(next).contains("I only help with users"), next.toString());
        assertEquals(invalidBefore, LLM.invalid.get());
    }

    private HttpResponse<String> post(String id, String text) {
        HttpRequest request = HttpRequest.newBuilder(chat.base.resolve("api/conversations/" + id + "/messages"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"" + text + "\"}")).build();
        try {
            return chat.http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonObject> messages(String id) {
        return RawMcp.json(chat.call("GET", "api/conversations/" + id, null).body()).asJsonObject()
                .getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    private static List<String> roles(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("role")).toList();
    }

    private static String statuses(List<HttpResponse<String>> answers) {
        return answers.stream().map(r -> r.statusCode() + " " + r.body().substring(0, Math.min(120, r.body().length()))).toList().toString();
    }
}
