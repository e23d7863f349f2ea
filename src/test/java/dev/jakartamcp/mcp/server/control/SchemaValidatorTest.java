package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaValidatorTest {

    private static final JsonObject SCHEMA = JsonCodec.parseObject("""
            {"type":"object","additionalProperties":false,"required":["id","email"],
             "properties":{
               "id":{"type":"integer","minimum":1},
               "email":{"type":"string","format":"email"},
               "gender":{"type":"string","enum":["male","female","other"]},
               "born":{"type":"string","format":"date"},
               "salary":{"type":"number","minimum":0},
               "tags":{"type":"array","items":{"type":"string","maxLength":3}},
               "address":{"type":"object","required":["city"],"properties":{"city":{"type":"string","minLength":1}}},
               "card":{"type":"string","pattern":"^[0-9]{4}$"}}}""");

    private static List<String> problems(String json) {
        return SchemaValidator.validate(SCHEMA, JsonCodec.parse(json));
    }

    @Test
    void acceptsAValidValue() {
        assertEquals(List.of(), problems("{\"id\":3,\"email\":\"a@b.co\",\"gender\":\"other\",\"born\":\"2000-01-31\","
                + "\"salary\":10.5,\"tags\":[\"a\"],\"address\":{\"city\":\"X\"},\"card\":\"1234\"}"));
    }

    @Test
    void optionalNullMeansNotGiven() {
        assertEquals(List.of(), problems("{\"id\":3,\"email\":\"a@b.co\",\"gender\":null}"));
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        List<String> p = problems("{\"id\":1.5,\"gender\":\"robot\",\"born\":\"yesterday\",\"salary\":-1,\"tags\":[\"long\"],"
                + "\"address\":{\"city\":\"\"},\"card\":\"12\",\"extra\":true}");
        assertTrue(p.contains("arguments.email: is required"), p.toString());
        assertTrue(p.contains("arguments.id: expected integer but got a number"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("arguments.gender: must be one of")), p.toString());
        assertTrue(p.contains("arguments.born: must be a date as YYYY-MM-DD"), p.toString());
        assertTrue(p.contains("arguments.salary: must be at least 0"), p.toString());
        assertTrue(p.contains("arguments.tags[0]: must have at most 3 characters"), p.toString());
        assertTrue(p.contains("arguments.address.city: must have at least 1 characters"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("arguments.card: must match")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("arguments.extra: is not a known property")), p.toString());
    }

    @Test
    void wrongTypesAreNamed() {
        assertEquals(List.of("arguments.id: expected integer but got a string"), problems("{\"id\":\"1\",\"email\":\"a@b.co\"}"));
        assertEquals(List.of("arguments: expected object but got an array"), problems("[]"));
    }

    @Test
    void emailFormatIsChecked() {
        assertEquals(List.of("arguments.email: must be an email address like name@example.com"),
                problems("{\"id\":1,\"email\":\"nobody\"}"));
    }

    @Test
    void hugeNumbersAreRefusedFastAndNamed() {
        long started = System.nanoTime();
        List<String> p = problems("{\"id\":1e10000000,\"email\":\"a@b.co\"}");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("arguments.id: is out of range"), p.toString());
        assertTrue(millis < 1000, "took " + millis + " ms");
        assertTrue(problems("{\"id\":1e-10000000,\"email\":\"a@b.co\"}").get(0).startsWith("arguments.id:"));
        assertTrue(problems("{\"id\":12345678901234567890123456789012345678901234567890,\"email\":\"a@b.co\"}")
                .get(0).contains("out of range"));
        assertEquals(List.of(), problems("{\"id\":3e2,\"email\":\"a@b.co\"}"), "300 written as 3e2 is an integer");
    }
}
