package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The user service behind fault tolerance. Every call is {@code @Asynchronous}, so {@code @Timeout}
 * is a real deadline: the caller gets a TimeoutException when it passes, even if the HTTP call is
 * still blocked (a synchronous @Timeout only fires after the blocking call returns). Only reads are
 * retried, because only they are idempotent. Each operation has its own circuit breaker; answers
 * like "not found" or "rejected" are the service working and do not trip it.
 * Every value is overridable per MicroProfile Fault Tolerance config, e.g.
 * {@code dev.jakartamcp.users.UserGateway/find/Timeout/value=1000}.
 */
@ApplicationScoped
public class UserGateway {

    @Inject
    UserServiceClients clients;

    @Asynchronous
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 200, retryOn = UserServiceException.Unavailable.class,
            abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = {UserServiceException.NotFound.class, UserServiceException.Rejected.class})
    public CompletionStage<JsonObject> find(long id) {
        return call(() -> JsonCodec.parseObject(clients.get().get(id)));
    }

    @Asynchronous
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 200, retryOn = UserServiceException.Unavailable.class,
            abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = {UserServiceException.NotFound.class, UserServiceException.Rejected.class})
    public CompletionStage<JsonArray> search(String name, String surname, String email, String gender) {
        return call(() -> JsonCodec.parse(clients.get().search(percent(name), percent(surname), percent(email), percent(gender)))
                .asJsonArray());
    }

    @Asynchronous
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = {UserServiceException.NotFound.class, UserServiceException.Rejected.class})
    public CompletionStage<JsonObject> create(JsonObject user) {
        return call(() -> JsonCodec.parseObject(clients.get().create(JsonCodec.write(user))));
    }

    @Asynchronous
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = {UserServiceException.NotFound.class, UserServiceException.Rejected.class})
    public CompletionStage<JsonObject> update(long id, JsonObject changes) {
        return call(() -> JsonCodec.parseObject(clients.get().update(id, JsonCodec.write(changes))));
    }

    @Asynchronous
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = {UserServiceException.NotFound.class, UserServiceException.Rejected.class})
    public CompletionStage<Void> delete(long id) {
        return call(() -> {
            clients.get().delete(id);
            return null;
        });
    }

    /**
     * A query value with its {@code %} signs already encoded. Both REST clients keep a valid
     * {@code %XX} triplet as it is and encode everything else, so {@code 100%} and {@code %41} reach
     * the service as typed. RESTEasy (WildFly) throws while encoding a lone {@code %} instead.
     */
    static String percent(String value) {
        return value == null || value.indexOf('%') < 0 ? value : value.replace("%", "%25");
    }

    /**
     * Connection failures and unreadable answers become {@link UserServiceException.Unavailable}.
     * A request the client cannot even build from the caller's input is {@link UserServiceException.Rejected}:
     * bad input must never count against the circuit breaker, or a few odd searches would cut the
     * user tools off for everyone.
     */
    private static <T> CompletionStage<T> call(Supplier<T> call) {
        try {
            return CompletableFuture.completedFuture(call.get());
        } catch (UserServiceException e) {
            throw e;
        } catch (ProcessingException e) {
            if (e.getCause() instanceof UserServiceException mapped) {
                throw mapped;
            }
            if (unbuildable(e.getCause())) {
                throw new UserServiceException.Rejected("the request cannot be encoded (" + e.getCause().getMessage() + ")");
            }
            throw new UserServiceException.Unavailable("the user service cannot be reached", e);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new UserServiceException.Rejected("the request cannot be encoded (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new UserServiceException.Unavailable("the user service gave an unreadable answer", e);
        }
    }

    private static boolean unbuildable(Throwable cause) {
        return cause instanceof IllegalArgumentException || cause instanceof IndexOutOfBoundsException;
    }
}
