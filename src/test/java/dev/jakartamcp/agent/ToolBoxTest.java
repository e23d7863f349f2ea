package dev.jakartamcp.agent;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ToolBoxTest {

    @Test
    void clashingNamesArePrefixedByTheirServerOnEverySideUniqueOnesAreKept() {
        Map<String, List<String>> offered = new LinkedHashMap<>();
        offered.put("users", List.of("search_users", "fetch"));
        offered.put("web", List.of("fetch", "read page"));
        Map<String, Map<String, String>> names = ToolBox.functionNames(offered);
        assertEquals(Map.of("search_users", "search_users", "fetch", "users__fetch"), names.get("users"));
        assertEquals(Map.of("fetch", "web__fetch", "read page", "read_page"), names.get("web"),
                "OpenAI function names allow only letters, digits, _ and -");
    }

    @Test
    void namesAreCutTo64Characters() {
        Map<String, Map<String, String>> names = ToolBox.functionNames(Map.of("s", List.of("x".repeat(80))));
        assertEquals(64, names.get("s").get("x".repeat(80)).length());
    }
}
