package dev.jakartamcp.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person's roles (from {@code auth.roles-claim}) let them do with the user tools, in one
 * place: the tools console asks it before calling a tool, and the agent's token asks for the scopes
 * it allows. {@code user-admin} may do everything; {@code user-viewer} may read (get, search) but
 * not add, update or delete.
 */
public final class Roles {

    public static final String ADMIN = "user-admin";
    public static final String VIEWER = "user-viewer";

    private static final List<String> SCOPES = List.of(AuthSettings.READ, AuthSettings.WRITE, AuthSettings.DELETE);

    private Roles() {
    }

    /** Whether these roles allow what {@code scope} covers; null needs nothing, an unknown scope is never allowed. */
    public static boolean mayUseScope(Set<String> roles, String scope) {
        if (scope == null) {
            return true;
        }
        return switch (scope) {
            case AuthSettings.READ -> roles.contains(VIEWER) || roles.contains(ADMIN);
            case AuthSettings.WRITE, AuthSettings.DELETE -> roles.contains(ADMIN);
            default -> false;
        };
    }

    /** The resource scopes these roles allow, in a fixed order (for a token request). */
    public static Set<String> scopesFor(Set<String> roles) {
        Set<String> allowed = new LinkedHashSet<>();
        SCOPES.stream().filter(s -> mayUseScope(roles, s)).forEach(allowed::add);
        return allowed;
    }
}
