package dev.jakartamcp.mcp.server.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcceptanceTest {

    @Test
    void readsBothMediaTypesWithParametersAndWildcards() {
        assertEquals(new McpTransportFilter.Acceptance(true, true), McpTransportFilter.Acceptance.of("application/json, text/event-stream"));
        assertEquals(new McpTransportFilter.Acceptance(true, true), McpTransportFilter.Acceptance.of("text/event-stream;q=0.9,application/json;q=1"));
        assertEquals(new McpTransportFilter.Acceptance(true, true), McpTransportFilter.Acceptance.of("*/*"));
        assertEquals(new McpTransportFilter.Acceptance(true, false), McpTransportFilter.Acceptance.of("application/json"));
        assertEquals(new McpTransportFilter.Acceptance(false, true), McpTransportFilter.Acceptance.of("text/event-stream"));
        assertEquals(new McpTransportFilter.Acceptance(false, false), McpTransportFilter.Acceptance.of(null));
    }
}
