package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.CallToolResult;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Waits for a user-service call and turns its failures into isError results that tell the model
 * what happened and what to do next.
 */
final class UserToolFailures {

    private static final Logger LOG = Logger.getLogger(UserToolFailures.class.getName());

    private UserToolFailures() {
    }

    /**
     * The call's value; a failure is thrown as {@link Failed} carrying the result to return. The wait
     * is not interruptible on purpose: the fault-tolerance deadline bounds it, and a stray interrupt
     * must not turn a clear "deadline" answer into a lost one.
     */
    static <T> T await(CompletionStage<T> stage, long userId) {
        try {
            T value = stage.toCompletableFuture().join();
            UserServiceReadiness.callSucceeded();
            return value;
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CircuitBreakerOpenException) {
                UserServiceReadiness.callRefusedByOpenCircuit();
            }
            throw new Failed(toResult(cause, userId), cause instanceof UserServiceException.NotFound);
        }
    }

    static CallToolResult toResult(Throwable failure, long userId) {
        if (failure instanceof UserServiceException.NotFound) {
            return CallToolResult.error("No user with id " + userId + " exists. Use search_users to find the right id.");
        }
        if (failure instanceof UserServiceException.Rejected rejected) {
            return CallToolResult.error("The user service rejected the request: " + rejected.getMessage()
                    + ". Correct the data and try again.");
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return CallToolResult.error("The user service is failing, so calls to it are paused for a few seconds "
                    + "(circuit breaker open). Try again later.");
        }
        if (failure instanceof TimeoutException) {
            return CallToolResult.error("The user service did not answer within the deadline. Try again later.");
        }
        if (failure instanceof UserServiceException.Unavailable unavailable) {
            LOG.log(Level.WARNING, "user service unavailable: " + unavailable.getMessage(), unavailable.getCause());
            return CallToolResult.error("The user service is unavailable: " + unavailable.getMessage() + ". Try again later.");
        }
        LOG.log(Level.SEVERE, "unexpected user service failure", failure);
        return CallToolResult.error("The user service call failed unexpectedly. Try again later.");
    }

    /** Carries a ready isError result out of a tool's happy path. */
    static final class Failed extends RuntimeException {
        final transient CallToolResult result;
        final boolean notFound;

        Failed(CallToolResult result, boolean notFound) {
            super(null, null, false, false);
            this.result = result;
            this.notFound = notFound;
        }
    }
}
