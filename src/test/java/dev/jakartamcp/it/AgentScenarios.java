package dev.jakartamcp.it;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent end to end through the chat API, with a scripted LLM of one flavour and two MCP servers:
 * ours (users) and a canned fetch server written with the official TypeScript SDK. A third server
 * that does not exist shows that a missing server leaves the others usable.
 */
abstract class AgentScenarios {

    static final int FETCH_PORT = startFetchServer();

    /** {@code protocol}: the era the agent speaks with its MCP servers (agent.mcp.protocol). */
    static WebArchive deployment(FakeLlm llm, String flavor, String protocol) {
        return Deployments.realWarWithConfig(
                "agent.mcp.protocol=" + protocol + "\n"
                        + "mcp.diagnostics.enabled=true\n"
                        + "agent.llm.endpoint=" + llm.endpoint() + "\n"
                        + "agent.llm.api-key=" + FakeLlm.KEY + "\n"
                        + "agent.llm.model=" + FakeLlm.MODEL + "\n"
                        + "agent.llm.flavor=" + flavor + "\n"
                        + "agent.mcp.servers=users=/mcp,fetch=http://127.0.0.1:" + FETCH_PORT + "/mcp,ghost=http://127.0.0.1:1/mcp\n"
                        + "agent.elicitation.timeout-seconds=30\n");
    }

    abstract FakeLlm llm();

    /** The agent.mcp.protocol of this class's deployment. */
    abstract String protocol();

    @ArquillianResource
    URL deployed;

    ChatApi chat;
    URI base;

    @BeforeEach
    void connect() {
        base = Deployments.localBase(deployed);
        chat = new ChatApi(base);
    }

    @Test
    void arkadiyIsLookedUpAndAddedExactlyOnce() {
        String question = "Check if Arkadiy Dobkin present as a user, if not then search info about him in the web and add him";
        List<ChatApi.Event> first = chat.send(chat.newConversation(), question);
        List<String> calls = ChatApi.named(first, "tool_call").stream().map(e -> e.data().getString("name")).toList();
        assertEquals(List.of("search_users", "fetch", "add_user"), calls, first.toString());
        assertEquals("fetch", ChatApi.named(first, "tool_call").get(1).data().getString("server"));
        List<ChatApi.Event> results = ChatApi.named(first, "tool_result");
        assertTrue(results.get(0).data().getString("text").startsWith("No users match"));
        assertTrue(results.get(1).data().getString("text").contains("EPAM"));
        assertFalse(results.get(2).data().getBoolean("isError"), results.get(2).toString());
        assertTrue(ChatApi.named(first, "delta").size() >= 3, "the answer streams in pieces");
        assertTrue(ChatApi.text(first).contains("added Arkadiy Dobkin"), ChatApi.text(first));
        assertEquals("done", first.get(first.size() - 1).name());
        assertOnlyTheGhostIsMissing(first);
        assertEquals(1, arkadiys());

        List<ChatApi.Event> second = chat.send(chat.newConversation(), question);
        assertEquals(List.of("search_users"), ChatApi.named(second, "tool_call").stream().map(e -> e.data().getString("name")).toList());
        assertTrue(ChatApi.text(second).contains("already a user"), ChatApi.text(second));
        assertEquals(1, arkadiys(), "the same question adds nobody the second time");

        var lastRequest = llm().seen.get(llm().seen.size() - 1).body();
        String tools = lastRequest.getJsonArray("tools").toString();
        assertTrue(tools.contains("\"search_users\"") && tools.contains("\"fetch\"") && tools.contains("\"parameters\""), tools);
        assertTrue(lastRequest.getBoolean("stream"));
        assertEquals("system", lastRequest.getJsonArray("messages").getJsonObject(0).getString("role"));
    }

    @Test
    void deletionIsConfirmedInTheChatDeclinedThenAccepted() {
        var created = chat.call("POST", "v1/users", "{\"name\":\"Del\",\"surname\":\"Ete\",\"email\":\"del.ete@example.org\",\"about_me\":\"x\"}");
        int id = RawMcp.json(created.body()).asJsonObject().getInt("id");
        String conversation = chat.newConversation();

        List<ChatApi.Event> declined = chat.send(conversation, "Please delete user " + id, e -> "{\"action\":\"decline\"}");
        ChatApi.Event asked = ChatApi.named(declined, "elicitation").get(0);
        assertTrue(asked.data().getString("message").contains("del.ete@example.org"), asked.toString());
        assertEquals("boolean", asked.data().getJsonObject("requestedSchema").getJsonObject("properties")
                .getJsonObject("confirm").getString("type"));
        assertTrue(ChatApi.named(declined, "tool_result").get(0).data().getString("text").contains("NOT deleted"));
        assertEquals(200, chat.call("GET", "v1/users/" + id, null).statusCode(), "declined: still there");

        List<ChatApi.Event> accepted = chat.send(conversation, "Please delete user " + id,
                e -> "{\"action\":\"accept\",\"content\":{\"confirm\":true}}");
        assertEquals(1, ChatApi.named(accepted, "elicitation").size());
        assertTrue(ChatApi.named(accepted, "tool_result").get(0).data().getString("text").startsWith("Deleted user"));
        assertEquals(404, chat.call("GET", "v1/users/" + id, null).statusCode(), "accepted: gone");
        // our own /mcp speaks both eras: 2025 holds a session for the agent, 2026 (what auto finds) none
        int sessions = RawMcp.json(chat.call("GET", "diagnostics/mcp", null).body()).asJsonObject().getInt("sessions");
        if ("2025-11-25".equals(protocol())) {
            assertTrue(sessions > 0, "the agent spoke 2025-11-25 through a session: " + sessions);
        } else {
            assertEquals(0, sessions, "the agent spoke 2026-07-28, stateless: no session on our server");
        }
    }

    @Test
    void toolCallsOfOneTurnRunInParallel() {
        List<ChatApi.Event> events = chat.send(chat.newConversation(), "fetch two pages in parallel");
        List<ChatApi.Event> calls = ChatApi.named(events, "tool_call");
        List<ChatApi.Event> results = ChatApi.named(events, "tool_result");
        assertEquals(2, calls.size());
        assertEquals(2, results.size());
        assertTrue(events.indexOf(calls.get(1)) < events.indexOf(results.get(0)), "both started before either finished: " + events);
        long toolPhase = results.get(1).atMillis() - calls.get(0).atMillis();
        // each call takes 1000 ms; one after the other would take 2000 ms or more
        assertTrue(toolPhase < 1800, "the two 1 s calls overlapped: the tool phase took " + toolPhase + " ms");
    }

    @Test
    void conversationsAreKeptListedAndDeleted() {
        String id = chat.newConversation();
        chat.send(id, "Check if Arkadiy Dobkin present as a user");
        var stored = RawMcp.json(chat.call("GET", "api/conversations/" + id, null).body()).asJsonObject();
        var roles = stored.getJsonArray("messages").stream().map(m -> m.asJsonObject().getString("role")).toList();
        assertEquals("user", roles.get(0));
        assertTrue(roles.contains("tool") && roles.get(roles.size() - 1).equals("assistant"), roles.toString());
        assertTrue(stored.getString("title").startsWith("Check if Arkadiy"), stored.getString("title"));
        assertTrue(chat.call("GET", "api/conversations", null).body().contains(id));
        assertEquals(204, chat.call("DELETE", "api/conversations/" + id, null).statusCode());
        assertEquals(404, chat.call("GET", "api/conversations/" + id, null).statusCode());
    }

    @Test
    void llmFailuresAreClearErrorsAndLeaveTheConversationIntact() {
        String id = chat.newConversation();
        assertError(id, "fail401", "credentials");
        assertError(id, "fail404", "not found");
        assertError(id, "fail500", "HTTP 500");

        assertError(id, "truncated", "truncated");
        assertError(id, "malformed", "malformed");
        var stored = RawMcp.json(chat.call("GET", "api/conversations/" + id, null).body()).asJsonObject();
        assertTrue(stored.getJsonArray("messages").stream().allMatch(m -> m.asJsonObject().getString("role").equals("user")),
                "failed turns keep the question and nothing half-written: " + stored);

        assertError(chat.newConversation(), "loop forever", "Stopped after 8 rounds");

        int before = llm().seen.size();
        List<ChatApi.Event> recovered = chat.send(id, "ratelimit please");
        assertTrue(ChatApi.text(recovered).contains("Recovered"), recovered.toString());
        var attempts = llm().seen.subList(before, llm().seen.size());
        assertEquals(2, attempts.size(), "one 429, then the retry");
        assertTrue(attempts.get(1).atMillis() - attempts.get(0).atMillis() >= 900, "Retry-After: 1 was honoured");
    }

    @Test
    void badChatRequestsGetClearAnswers() {
        assertEquals(404, chat.call("POST", "api/conversations/nope/messages", "{\"content\":\"hi\"}").statusCode());
        String id = chat.newConversation();
        assertEquals(400, chat.call("POST", "api/conversations/" + id + "/messages", "{\"content\":\"\"}").statusCode());
        assertEquals(400, chat.call("POST", "api/conversations/" + id + "/messages", "not json").statusCode());
        assertEquals(400, chat.call("POST", "api/conversations/" + id + "/elicitations/x", "{\"action\":\"maybe\"}").statusCode());
        assertEquals(404, chat.call("POST", "api/conversations/" + id + "/elicitations/x", "{\"action\":\"accept\"}").statusCode());
    }

    private void assertError(String conversation, String question, String expected) {
        List<ChatApi.Event> events = chat.send(conversation, question);
        List<String> errors = ChatApi.named(events, "error").stream().map(e -> e.data().getString("message"))
                .filter(m -> !m.contains("ghost")).toList();
        assertEquals(1, errors.size(), events.toString());
        assertTrue(errors.get(0).contains(expected), errors.get(0));
        assertEquals("done", events.get(events.size() - 1).name());
    }

    private static void assertOnlyTheGhostIsMissing(List<ChatApi.Event> events) {
        List<String> errors = ChatApi.named(events, "error").stream().map(e -> e.data().getString("message")).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("The MCP server ghost is unavailable"), errors.get(0));
    }

    private int arkadiys() {
        return RawMcp.json(chat.call("GET", "v1/users/search?name=Arkadiy&surname=Dobkin", null).body()).asJsonArray().size();
    }

    private static int startFetchServer() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            File dir = new File(System.getProperty("ts.client.dir", "src/test/node"));
            ProcessBuilder builder = new ProcessBuilder(System.getProperty("node.executable", "node"), "fetch-server.mjs")
                    .directory(dir).redirectErrorStream(true).redirectOutput(new File("target/fetch-server.log"));
            builder.environment().put("PORT", Integer.toString(port));
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            for (int i = 0; i < 100; i++) {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    return port;
                } catch (java.io.IOException e) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("the fetch server did not start");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
