package dev.jakartamcp.agent.oauth;

import dev.jakartamcp.mcp.client.auth.AuthorizationException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingSignInsTest {

    private static URI authorization(String state) {
        return URI.create("https://as.example/authorize?response_type=code&client_id=agent&state=" + state);
    }

    private static PendingSignIns bounded(int perPerson, int overall) {
        return new PendingSignIns(240, perPerson, overall);
    }

    @Test
    void onlyThePersonWhoStartedASignInFinishesItAndOnlyOnce() throws Exception {
        PendingSignIns pending = bounded(3, 100);
        PendingSignIns.Pending alice = pending.open("alice", "notes", authorization("s1"));
        URI redirect = URI.create("http://localhost/agent/oauth/callback?code=c&state=s1");
        assertTrue(pending.complete("s1", "bob", redirect).isEmpty(), "bob cannot finish alice's sign-in");
        assertTrue(pending.complete("s1", null, redirect).isEmpty(), "nor can nobody");
        assertTrue(pending.complete("unknown", "alice", redirect).isEmpty());
        assertEquals("notes", pending.complete("s1", "alice", redirect).orElseThrow().server());
        assertEquals(redirect, alice.redirect().get());
        assertTrue(pending.complete("s1", "alice", redirect).isEmpty(), "a state works once");
        assertEquals(0, pending.count());
    }

    @Test
    void signInsAreBoundedPerPersonAndOverall() {
        PendingSignIns pending = bounded(2, 3);
        pending.open("alice", "a", authorization("1"));
        PendingSignIns.Pending second = pending.open("alice", "b", authorization("2"));
        AuthorizationException mine = assertThrows(AuthorizationException.class, () -> pending.open("alice", "c", authorization("3")));
        assertTrue(mine.getMessage().contains("agent.oauth.max-pending-per-person"), mine.getMessage());
        pending.open("bob", "a", authorization("4"));
        AuthorizationException all = assertThrows(AuthorizationException.class, () -> pending.open("carol", "a", authorization("5")));
        assertTrue(all.getMessage().contains("agent.oauth.max-pending"), all.getMessage());
        pending.close(second);
        assertTrue(second.redirect().isCancelled(), "a closed sign-in stops waiting");
        pending.open("carol", "a", authorization("5")); // room again
        assertEquals(3, pending.count());
    }

    @Test
    void anAuthorizationUrlWithoutStateIsRefused() {
        PendingSignIns pending = bounded(3, 100);
        assertThrows(AuthorizationException.class, () -> pending.open("alice", "notes", URI.create("https://as.example/authorize?client_id=x")));
    }
}
