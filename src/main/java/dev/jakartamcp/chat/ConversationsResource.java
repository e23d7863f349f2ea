package dev.jakartamcp.chat;

import dev.jakartamcp.agent.Agent;
import dev.jakartamcp.agent.AgentExecutors;
import dev.jakartamcp.agent.Elicitations;
import dev.jakartamcp.agent.TurnControl;
import dev.jakartamcp.agent.TurnListener;
import dev.jakartamcp.mcp.client.ElicitationHandler;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.security.SignedInPerson;
import dev.jakartamcp.security.McpTokens;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Conversations and their messages. Sending a message answers with text/event-stream: delta,
 * tool_call, tool_result, elicitation, sign_in, sign_in_closed, error and done events, each with a JSON payload.
 */
@Path("conversations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    private static final Logger LOG = Logger.getLogger(ConversationsResource.class.getName());
    static final long HEARTBEAT_SECONDS = 15;

    /** The agent calls our /mcp as the signed-in person */
    @Inject
    McpTokens tokens;

    @Inject
    ConversationStore store;

    @Inject
    Agent agent;

    @Inject
    Elicitations elicitations;

    @Inject
    TurnLocks turns;

    @Resource(lookup = AgentExecutors.TURNS)
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body, @Context HttpServletRequest http) {
        String title = body == null || body.isBlank() ? null : ApiErrors.body(body).getString("title", null);
        Conversation c = store.create(title, person(http));
        return Response.status(201).entity(JsonCodec.write(summary(c))).build();
    }

    @GET
    public String list(@Context HttpServletRequest http) {
        JsonArrayBuilder all = JsonCodec.array();
        store.all(person(http)).forEach(c -> all.add(summary(c)));
        return JsonCodec.write(all.build());
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id, @Context HttpServletRequest http) {
        Conversation c = store.find(id, person(http)).orElseThrow(() -> ApiErrors.of(404, "No such conversation"));
        JsonArrayBuilder messages = JsonCodec.array();
        store.messages(id).forEach(messages::add);
        return JsonCodec.write(JsonCodec.object(summary(c)).add("messages", messages).build());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest http) {
        if (!store.delete(id, person(http))) {
            throw ApiErrors.of(404, "No such conversation");
        }
        turns.cancel(id); // nothing it still does would be kept
        return Response.noContent().build();
    }

    /**
     * Answers a message as a stream of events. One turn runs per conversation at a time: a second
     * message while one runs gets 409. The turn's lock is released after its messages are stored and
     * before {@code done}, on every path.
     */
    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void send(@PathParam("id") String id, String body, @Context HttpServletRequest http,
                     @Context HttpServletResponse response, @Context SseEventSink sink, @Context Sse sse) {
        store.find(id, person(http)).orElseThrow(() -> ApiErrors.of(404, "No such conversation"));
        if (!(ApiErrors.body(body).get("content") instanceof JsonString content) || content.getString().isBlank()) {
            throw ApiErrors.of(400, "The body needs a non-empty string \"content\"");
        }
        TurnLocks.Held turn = turns.tryStart(id).orElseThrow(() -> ApiErrors.of(409,
                "This conversation is still answering the previous message; send the next one when that answer is done."));
        try {
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            URI self = ApiErrors.self(http);
            var credentials = tokens.credentials(http); // read from the HTTP session here, on the request thread
            List<JsonObject> history = store.messages(id);
            TurnControl control = agent.newTurn();
            ChatEvents events = new ChatEvents(sink, sse, () -> control.end("The chat page left before the answer was finished."));
            turn.onCancel(() -> control.end("The conversation was deleted."));
            executor.execute(() -> {
                // a comment now and then: the only way to notice a page that left during a long, silent tool call
                ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(events::heartbeat,
                        HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                try {
                    agent.run(id, history, content.getString(), self, credentials, events, group -> store.append(id, group), control);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "chat turn failed", e);
                    events.error("The turn failed unexpectedly: " + e.getMessage());
                } finally {
                    heartbeat.cancel(false);
                    turn.close(); // before done: a page that sends again on done must not get 409
                    events.done();
                }
            });
        } catch (RuntimeException e) {
            turn.close();
            throw e;
        }
    }

    @POST
    @Path("{id}/elicitations/{eid}")
    @Consumes(MediaType.WILDCARD)
    public Response answer(@PathParam("id") String id, @PathParam("eid") String eid, String body,
                           @Context HttpServletRequest http) {
        // someone else's conversation has no questions for you: the same 404 as one that does not exist
        store.find(id, person(http)).orElseThrow(() -> ApiErrors.of(404, "No question " + eid + " is waiting in this conversation"));
        ElicitationHandler.Answer answer = ApiErrors.answer(body);
        if (!elicitations.answer(id, eid, answer.action(), answer.content())) {
            throw ApiErrors.of(404, "No question " + eid + " is waiting in this conversation");
        }
        return Response.noContent().build();
    }

    /** Whose conversations these are: the signed-in person's key, null when identity is off. */
    static String person(HttpServletRequest http) {
        return SignedInPerson.of(http).map(SignedInPerson::key).orElse(null);
    }

    private static JsonObject summary(Conversation c) {
        return JsonCodec.object().add("id", c.id).add("title", c.title).add("createdAt", c.createdAt.toString()).build();
    }

    /** The turn's events on the SSE stream, one JSON payload each. */
    static final class ChatEvents implements TurnListener {
        private final EventStream stream;

        /** @param onGone runs once the page is found gone (a write failed) before the turn finished */
        ChatEvents(SseEventSink sink, Sse sse, Runnable onGone) {
            this.stream = new EventStream(sink, sse, onGone);
        }

        private void send(String name, JsonObject data) {
            stream.send(name, data);
        }

        void heartbeat() {
            stream.heartbeat();
        }

        @Override
        public void delta(String text) {
            send("delta", JsonCodec.object().add("text", text).build());
        }

        @Override
        public void toolCall(String server, String tool, JsonObject arguments) {
            send("tool_call", JsonCodec.object().add("server", server).add("name", tool).add("arguments", arguments).build());
        }

        @Override
        public void toolResult(String server, String tool, boolean isError, String text) {
            send("tool_result", JsonCodec.object().add("server", server).add("name", tool).add("isError", isError)
                    .add("text", text).build());
        }

        @Override
        public void elicitation(String id, String message, JsonObject requestedSchema) {
            stream.elicitation(id, message, requestedSchema);
        }

        @Override
        public void elicitationClosed(String id, String reason) {
            stream.elicitationClosed(id, reason);
        }

        @Override
        public void error(String message) {
            send("error", JsonCodec.object().add("message", message).build());
        }

        @Override
        public void signIn(String id, String server, String url) {
            send("sign_in", JsonCodec.object().add("id", id).add("server", server).add("url", url).build());
        }

        @Override
        public void signInClosed(String id, String outcome) {
            send("sign_in_closed", JsonCodec.object().add("id", id).add("outcome", outcome).build());
        }

        void done() {
            stream.finish("done", JsonCodec.object().build());
        }
    }
}
