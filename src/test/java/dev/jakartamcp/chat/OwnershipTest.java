package dev.jakartamcp.chat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may see a conversation: its owner; everyone while identity is off. */
class OwnershipTest {

    @Test
    void onlyTheOwnerWhenIdentityIsOn() {
        assertTrue(ConversationStore.mayAccess("alice@idp", "alice@idp"));
        assertFalse(ConversationStore.mayAccess("alice@idp", "bob@idp"));
        assertFalse(ConversationStore.mayAccess("alice@idp", "alice@other-idp"));
        assertFalse(ConversationStore.mayAccess(null, "bob@idp"), "made while identity was off: nobody's");
    }

    @Test
    void everyoneWhenIdentityIsOff() {
        assertTrue(ConversationStore.mayAccess(null, null));
        assertTrue(ConversationStore.mayAccess("alice@idp", null));
    }
}
