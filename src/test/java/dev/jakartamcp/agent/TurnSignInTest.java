package dev.jakartamcp.agent;

import dev.jakartamcp.agent.oauth.PendingSignIns;
import dev.jakartamcp.agent.oauth.ServerSignIn;
import dev.jakartamcp.mcp.client.auth.AuthorizationException;
import dev.jakartamcp.mcp.client.auth.OAuthClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnSignInTest {

    static final URI AUTHORIZE = URI.create("https://as.example/authorize?client_id=agent&state=the-state");

    /** What the chat would show. */
    static final class Shown implements TurnListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        public void delta(String text) {
        }

        public void toolCall(String server, String tool, JsonObject arguments) {
        }

        public void toolResult(String server, String tool, boolean isError, String text) {
        }

        public void error(String message) {
        }

        public void elicitation(String id, String message, JsonObject requestedSchema) {
        }

        @Override
        public void signIn(String id, String server, String url) {
            events.add("sign_in " + server + " " + url);
        }

        @Override
        public void signInClosed(String id, String outcome) {
            events.add("sign_in_closed " + outcome);
        }
    }

    static ServerSignIn notes(String person) {
        return new ServerSignIn(person, "notes", OAuthClient.builder("https://notes.example/mcp"),
                URI.create("http://localhost:8080/agent/oauth/callback"));
    }

    static PendingSignIns pending(long timeoutSeconds) {
        return new PendingSignIns(timeoutSeconds, 3, 100);
    }

    @Test
    void theTurnShowsTheSignInAndGoesOnWithTheRedirect() throws Exception {
        PendingSignIns pending = pending(30);
        Shown shown = new Shown();
        TurnSignIn prompt = new TurnSignIn(pending, shown, new TurnControl(Duration.ofMinutes(1)));
        CompletableFuture<URI> back = CompletableFuture.supplyAsync(() -> prompt.signIn(notes("alice"), AUTHORIZE));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pending.count() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        URI redirect = URI.create("http://localhost:8080/agent/oauth/callback?code=c&state=the-state");
        assertTrue(pending.complete("the-state", "alice", redirect).isPresent());
        assertEquals(redirect, back.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("sign_in notes " + AUTHORIZE, "sign_in_closed Signed in."), shown.events);
        assertEquals(0, pending.count());
    }

    @Test
    void aSignInNotFinishedInTimeFailsClearlyAndIsForgotten() {
        PendingSignIns pending = pending(1);
        Shown shown = new Shown();
        TurnSignIn prompt = new TurnSignIn(pending, shown, new TurnControl(Duration.ofMinutes(1)));
        AuthorizationException e = assertThrows(AuthorizationException.class, () -> prompt.signIn(notes("alice"), AUTHORIZE));
        assertTrue(e.getMessage().contains("not finished within 1 s"), e.getMessage());
        assertEquals(0, pending.count());
        assertTrue(shown.events.get(1).startsWith("sign_in_closed The sign-in to notes was not finished"), shown.events.toString());
    }

    @Test
    void theTurnsEndStopsTheWait() throws Exception {
        PendingSignIns pending = pending(60);
        TurnControl control = new TurnControl(Duration.ofMinutes(1));
        TurnSignIn prompt = new TurnSignIn(pending, new Shown(), control);
        CompletableFuture<URI> back = CompletableFuture.supplyAsync(() -> prompt.signIn(notes("alice"), AUTHORIZE));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pending.count() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        control.end("The chat page left.");
        Exception e = assertThrows(Exception.class, () -> back.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof AuthorizationException && e.getCause().getMessage().contains("abandoned"), String.valueOf(e.getCause()));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(0, pending.count());
    }
}
