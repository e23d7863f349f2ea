package dev.jakartamcp.agent;

/** The LLM could not answer; the message says why in words a person can act on. */
public class LlmException extends RuntimeException {
    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
