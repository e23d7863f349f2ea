package dev.jakartamcp.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolesTest {

    @Test
    void anAdminMayDoEverything() {
        Set<String> admin = Set.of("user-admin", "offline_access");
        assertTrue(Roles.mayUseScope(admin, "users:read"));
        assertTrue(Roles.mayUseScope(admin, "users:write"));
        assertTrue(Roles.mayUseScope(admin, "users:delete"));
        assertEquals(List.of("users:read", "users:write", "users:delete"), List.copyOf(Roles.scopesFor(admin)));
    }

    @Test
    void aViewerMayOnlyRead() {
        Set<String> viewer = Set.of("user-viewer");
        assertTrue(Roles.mayUseScope(viewer, "users:read"));
        assertFalse(Roles.mayUseScope(viewer, "users:write"));
        assertFalse(Roles.mayUseScope(viewer, "users:delete"));
        assertEquals(Set.of("users:read"), Roles.scopesFor(viewer));
    }

    @Test
    void withoutTheseRolesNothingThatNeedsAScope() {
        Set<String> other = Set.of("default-roles-mcp", "USER-ADMIN");
        assertFalse(Roles.mayUseScope(other, "users:read"));
        assertFalse(Roles.mayUseScope(other, "users:write"));
        assertTrue(Roles.scopesFor(other).isEmpty());
        assertTrue(Roles.mayUseScope(Set.of(), null), "a tool that needs no scope");
        assertFalse(Roles.mayUseScope(Set.of("user-admin"), "users:everything"), "an unknown scope is never allowed");
    }
}
