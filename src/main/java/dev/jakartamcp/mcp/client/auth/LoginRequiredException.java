package dev.jakartamcp.mcp.client.auth;

/**
 * The server wants a person's authorization, and this client was built not to ask for one now
 * (a command-line command after which nobody is at a browser): the person must sign in first.
 */
public final class LoginRequiredException extends AuthorizationException {

    private final String endpoint;
    private final String issuer;
    private final String scope;

    public LoginRequiredException(String endpoint, String issuer, String scope) {
        super(scope == null ? "not signed in to " + endpoint + " (authorization server " + issuer + ")"
                : "the sign-in to " + endpoint + " lacks the scope it wants (" + scope + "; authorization server " + issuer
                + ")");
        this.endpoint = endpoint;
        this.issuer = issuer;
        this.scope = scope;
    }

    public String endpoint() {
        return endpoint;
    }

    public String issuer() {
        return issuer;
    }

    /** The scope a step-up wanted, or null when there was no sign-in at all. */
    public String scope() {
        return scope;
    }
}
