package dev.jakartamcp.agent;

import dev.jakartamcp.agent.oauth.PendingSignIns;
import dev.jakartamcp.agent.oauth.ServerSignIn;
import dev.jakartamcp.agent.oauth.SignInPrompt;
import dev.jakartamcp.mcp.client.auth.AuthorizationException;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A turn's way of asking its person to sign in to an MCP server: the chat shows the authorization
 * URL as a button, the person signs in in a new tab, the callback hands the redirect back here, and
 * the turn goes on where it stopped. Bounded by {@link PendingSignIns} and by the turn itself: its
 * end cancels the wait.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-flow-steps
 */
final class TurnSignIn implements SignInPrompt {

    private final PendingSignIns pending;
    private final TurnListener listener;
    private final TurnControl control;
    private final Set<ServerSignIn> asked = ConcurrentHashMap.newKeySet();

    /** @param pending null outside CDI: then nobody is asked, and a server's 401 stays a failure */
    TurnSignIn(PendingSignIns pending, TurnListener listener, TurnControl control) {
        this.pending = pending;
        this.listener = listener;
        this.control = control;
    }

    /** The turn's credentials, with every server the person signs in to asking through this turn. */
    Function<String, McpCredentials> asking(Function<String, McpCredentials> credentials) {
        if (pending == null) {
            return credentials;
        }
        return url -> {
            McpCredentials c = credentials.apply(url);
            if (c.signIn() != null) {
                c.signIn().promptTo(this);
                asked.add(c.signIn());
            }
            return c;
        };
    }

    /** The turn is over: its servers no longer ask through it. */
    void release() {
        asked.forEach(server -> server.releasePrompt(this));
    }

    @Override
    public URI signIn(ServerSignIn server, URI authorizationUrl) {
        if (control.isEnded()) {
            throw new AuthorizationException("the turn ended before " + server.server() + " could ask you to sign in");
        }
        PendingSignIns.Pending open = pending.open(server.person(), server.server(), authorizationUrl);
        Runnable unregister = control.onEnd(() -> open.redirect().cancel(false));
        String outcome = "Signed in.";
        try {
            listener.signIn(open.id(), server.server(), authorizationUrl.toString());
            return open.redirect().get(pending.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome = "The sign-in to " + server.server() + " was not finished within " + pending.timeoutSeconds() + " s.";
            throw new AuthorizationException(outcome);
        } catch (CancellationException | ExecutionException e) {
            outcome = "The sign-in to " + server.server() + " was abandoned" + (control.reason() == null ? "." : ": " + control.reason());
            throw new AuthorizationException(outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "The sign-in to " + server.server() + " was interrupted.";
            throw new AuthorizationException(outcome);
        } finally {
            unregister.run();
            pending.close(open);
            listener.signInClosed(open.id(), outcome);
        }
    }
}
