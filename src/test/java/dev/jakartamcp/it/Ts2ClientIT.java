package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official TypeScript SDK v2 client (@modelcontextprotocol/client 2.4.0) as the judge of /mcp on
 * the 2026-07-28 wire: all five user tools without a session, and delete_user's confirmation through
 * Multi Round-Trip Requests, declined once (the user stays) and accepted once (the user is gone).
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 */
@ExtendWith(ArquillianExtension.class)
class Ts2ClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void typeScriptSdkV2UsesAllFiveToolsAndConfirmsDeletesThroughMrtr() throws Exception {
        String email = "ts2.sdk." + System.nanoTime() + "@example.org";
        JsonObject report = TypeScriptClients.run(Deployments.localBase(deployed).resolve("mcp"), "ts2-client.mjs", email);

        assertEquals("modern", report.getString("era"), report.toString());
        assertEquals("2026-07-28", report.getString("protocolVersion"));
        assertEquals(JsonObject.NULL, report.get("sessionId"), "no session on 2026-07-28");
        assertEquals(Set.of("get_user_by_id", "search_users", "add_user", "update_user", "delete_user"),
                Set.copyOf(report.getJsonArray("tools").getValuesAs(JsonString::getString)));
        assertEquals(email, report.getJsonObject("added").getString("email"));
        assertEquals(email, report.getString("gotEmail"));
        assertEquals(1, report.getInt("searchCount"));
        assertEquals("TS2 Inc", report.getString("updatedCompany"));

        long id = report.getJsonObject("added").getJsonNumber("id").longValue();
        assertTrue(report.getString("declineText").contains("NOT deleted"), report.toString());
        assertTrue(report.getBoolean("stillThereAfterDecline"), "declined: the user stays");
        assertEquals("Deleted user " + id + ".", report.getString("deleteText"));
        assertTrue(report.getBoolean("goneAfterAccept"), "accepted: the user is gone");
        assertEquals(2, report.getJsonArray("asked").size(), "the person was asked once per delete");
        assertTrue(report.getJsonArray("asked").getString(0).startsWith("Delete "), report.toString());
    }
}
