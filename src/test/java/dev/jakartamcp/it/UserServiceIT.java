package dev.jakartamcp.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded user service's REST contract (user-service-api.md), over real HTTP. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserServiceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL deployed;

    final HttpClient http = HttpClient.newHttpClient();
    URI users;

    @BeforeEach
    void base() {
        users = Deployments.localBase(deployed).resolve("v1/users");
    }

    @Test
    @Order(1)
    void seedsExactly1000DeterministicUsers() {
        JsonArray all = array(get(""));
        assertEquals(1000, all.size());
        JsonObject first = all.getJsonObject(0);
        assertEquals("Karen", first.getString("name"));
        assertEquals("Davis", first.getString("surname"));
        assertEquals("karen.davis612@hotmail.com", first.getString("email"));
        for (JsonValue u : all) {
            JsonObject user = u.asJsonObject();
            assertTrue(user.containsKey("address") && user.containsKey("credit_card"), "always present, maybe null");
            assertTrue(user.getString("email").matches("[a-z]+\\.[a-z]+\\d{1,3}@[a-z.]+"), user.getString("email"));
        }
    }

    @Test
    void getMissingUserIs404WithDetail() {
        HttpResponse<String> r = get("/999999");
        assertEquals(404, r.statusCode());
        assertEquals("User not found", object(r).getString("detail"));
    }

    /**
     * Errors without an entity stay without one: no server HTML error page (Payara: Jersey's
     * setStatusOverSendError; WildFly: RESTEasy sets the status, never sendError).
     */
    @Test
    void bodilessErrorsStayBodiless() {
        for (HttpResponse<String> r : List.of(get("/no/such/path"), send("PATCH", "", "{}"))) {
            assertTrue(r.statusCode() == 404 || r.statusCode() == 405, r.statusCode() + " " + r.body());
            assertEquals("", r.body(), "no error page on " + Servers.name());
        }
    }

    @Test
    void searchIsCaseInsensitiveSubstringAndExactGender() {
        JsonArray byName = array(get("/search?name=" + enc("kAr")));
        assertTrue(byName.size() > 0);
        byName.forEach(u -> assertTrue(u.asJsonObject().getString("name").toLowerCase().contains("kar")));
        JsonArray both = array(get("/search?name=kar&gender=female"));
        both.forEach(u -> assertEquals("female", u.asJsonObject().getString("gender")));
        assertTrue(both.size() < byName.size());
        assertEquals(0, array(get("/search?email=" + enc("%"))).size(), "LIKE wildcards are escaped");
        assertTrue(array(get("/search")).size() >= 1000, "no criteria returns all");
    }

    @Test
    void searchWithUnknownGenderIs400() {
        assertEquals(400, get("/search?gender=robot").statusCode());
    }

    @Test
    void createReturns201AndNormalisesTheCard() {
        HttpResponse<String> r = send("POST", "", "{\"name\":\"Ada\",\"surname\":\"Lovelace\",\"email\":\"ada.lovelace@example.org\","
                + "\"about_me\":\"Mathematician\",\"gender\":\"female\",\"date_of_birth\":\"1815-12-10\",\"salary\":1000.5,"
                + "\"credit_card\":{\"num\":\"4111 1111 1111 1111\",\"cvv\":\"123\",\"exp_date\":\"12/2030\"}}");
        assertEquals(201, r.statusCode(), r.body());
        JsonObject user = object(r);
        // whole card numbers leave the service only for userservice.card-numbers.role; the CVV is never stored
        assertEquals("****-****-****-1111", user.getJsonObject("credit_card").getString("num"));
        assertFalse(user.getJsonObject("credit_card").containsKey("cvv"));
        assertFalse(object(get("/" + user.getInt("id"))).getJsonObject("credit_card").containsKey("cvv"));
        assertEquals(JsonValue.NULL, user.get("address"));
        assertTrue(user.containsKey("created_at"));
        assertEquals(200, get("/" + user.getInt("id")).statusCode());
    }

    @Test
    void createWithDuplicateEmailIs400() {
        HttpResponse<String> r = send("POST", "", "{\"name\":\"K\",\"surname\":\"D\",\"email\":\"KAREN.davis612@hotmail.com\",\"about_me\":\"x\"}");
        assertEquals(400, r.statusCode());
        assertEquals("User with such email is already registered", object(r).getString("detail"));
    }

    @Test
    void invalidCreatesAre422AndWriteNothing() {
        int before = array(get("")).size();
        String[] bodies = {
                "{\"surname\":\"D\",\"email\":\"x1@example.org\",\"about_me\":\"x\"}",
                "{\"name\":\"N\",\"surname\":\"D\",\"email\":\"not-an-email\",\"about_me\":\"x\"}",
                "{\"name\":\"N\",\"surname\":\"D\",\"email\":\"x2@example.org\",\"about_me\":\"x\",\"address\":{\"city\":\"C\"}}",
                "{\"name\":\"N\",\"surname\":\"D\",\"email\":\"x3@example.org\",\"about_me\":\"x\",\"gender\":\"robot\"}",
                "{\"name\":\"N\",\"surname\":\"D\",\"email\":\"x4@example.org\",\"about_me\":\"x\",\"salary\":\"lots\"}",
                "{\"name\":\"N\",\"surname\":\"D\",\"email\":\"x5@example.org\",\"about_me\":\"x\",\"date_of_birth\":\"1999-02-31\"}",
                "{\"name\":\"N\",\"surname\":\"D\",\"email\":\"x6@example.org\",\"about_me\":\"x\",\"credit_card\":{\"num\":\"12\",\"cvv\":\"1\",\"exp_date\":\"1/30\"}}",
                "{\"name\":\"" + "N".repeat(300) + "\",\"surname\":\"D\",\"email\":\"x7@example.org\",\"about_me\":\"x\"}",
                "{\"name\":\"N\",\"surname\":\"D\",\"email\":\"x8@example.org\",\"about_me\":\"x\",\"address\":{\"country\":\"" + "C".repeat(300) + "\",\"city\":\"c\",\"street\":\"s\",\"flat_house\":\"f\"}}",
                "{\"name\":",
                "[]"};
        for (String body : bodies) {
            HttpResponse<String> r = send("POST", "", body);
            assertEquals(422, r.statusCode(), body + " -> " + r.body());
            assertTrue(object(r).get("detail").getValueType() == JsonValue.ValueType.ARRAY, r.body());
        }
        assertEquals(before, array(get("")).size());
    }

    @Test
    void updateAppliesOnlyNonNullFieldsAndAnswers200() {
        JsonObject before = object(get("/5"));
        HttpResponse<String> r = send("PUT", "/5", "{\"company\":\"New Co\",\"phone\":null}");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject after = object(r);
        assertEquals("New Co", after.getString("company"));
        assertEquals(before.get("phone"), after.get("phone"));
        assertEquals(before.getString("about_me"), after.getString("about_me"));
    }

    @Test
    void updateErrors() {
        assertEquals(404, send("PUT", "/999999", "{\"company\":\"X\"}").statusCode());
        String taken = object(get("/1")).getString("email");
        HttpResponse<String> r = send("PUT", "/6", "{\"email\":\"" + taken + "\"}");
        assertEquals(400, r.statusCode());
        assertEquals(422, send("PUT", "/6", "{\"gender\":\"robot\"}").statusCode());
    }

    @Test
    void deleteAnswers204ThenTheUserIsGone() {
        HttpResponse<String> created = send("POST", "", "{\"name\":\"Del\",\"surname\":\"Me\",\"email\":\"del.me@example.org\",\"about_me\":\"x\"}");
        int id = object(created).getInt("id");
        HttpResponse<String> deleted = send("DELETE", "/" + id, null);
        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.body());
        assertEquals(404, get("/" + id).statusCode());
        assertEquals(404, send("DELETE", "/" + id, null).statusCode());
    }

    private HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(users + path)).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject object(HttpResponse<String> r) {
        return RawMcp.json(r.body()).asJsonObject();
    }

    private static JsonArray array(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return RawMcp.json(r.body()).asJsonArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
