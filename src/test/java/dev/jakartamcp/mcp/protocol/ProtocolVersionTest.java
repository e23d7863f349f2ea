package dev.jakartamcp.mcp.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolVersionTest {

    @Test
    void keepsSupportedVersionsAndOffersTheNewestOtherwise() {
        assertEquals("2025-03-26", ProtocolVersion.negotiate("2025-03-26"));
        assertEquals("2025-06-18", ProtocolVersion.negotiate("2025-06-18"));
        assertEquals("2025-11-25", ProtocolVersion.negotiate("2025-11-25"));
        assertEquals("2025-11-25", ProtocolVersion.negotiate("2024-11-05"));
        assertEquals("2025-11-25", ProtocolVersion.negotiate("2099-01-01"));
    }

    @Test
    void onlyTheOldestVersionHasBatches() {
        assertTrue(ProtocolVersion.allowsBatches("2025-03-26"));
        assertFalse(ProtocolVersion.allowsBatches("2025-06-18"));
        assertFalse(ProtocolVersion.allowsBatches("2025-11-25"));
    }
}
