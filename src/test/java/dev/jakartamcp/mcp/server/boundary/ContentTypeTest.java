package dev.jakartamcp.mcp.server.boundary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The POST body must be sent as application/json; parameters are fine, wildcards and other types are not. */
class ContentTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON", " application/json ;x=1"})
    void json(String type) {
        assertTrue(JsonContentType.matches(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "application/*", "*/*", "text/plain", "application/json-patch+json", "application/jsonx", "json"})
    void notJson(String type) {
        assertFalse(JsonContentType.matches(type));
    }

    @org.junit.jupiter.api.Test
    void absentIsNotJson() {
        assertFalse(JsonContentType.matches(null));
    }
}
