package dev.jakartamcp.mcp.server.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcceptanceTest {

    @Test
    void readsBothMediaTypesWithParametersAndWildcards() {
        assertEquals(new Acceptance(true, true), Acceptance.of("application/json, text/event-stream"));
        assertEquals(new Acceptance(true, true), Acceptance.of("text/event-stream;q=0.9,application/json;q=1"));
        assertEquals(new Acceptance(true, true), Acceptance.of("*/*"));
        assertEquals(new Acceptance(true, false), Acceptance.of("application/json"));
        assertEquals(new Acceptance(false, true), Acceptance.of("text/event-stream"));
        assertEquals(new Acceptance(false, false), Acceptance.of(null));
    }
}
