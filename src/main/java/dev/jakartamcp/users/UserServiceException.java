package dev.jakartamcp.users;

/** A failure of the user service, in words a model can act on. */
public class UserServiceException extends RuntimeException {

    public UserServiceException(String message) {
        super(message);
    }

    public UserServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 404: the user does not exist. Not a fault of the service. */
    public static class NotFound extends UserServiceException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** 400 or 422: the service refused the data. Not a fault of the service. */
    public static class Rejected extends UserServiceException {
        public Rejected(String message) {
            super(message);
        }
    }

    /** Unreachable, 5xx or otherwise broken: counts against the circuit breaker and may be retried for reads. */
    public static class Unavailable extends UserServiceException {
        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
