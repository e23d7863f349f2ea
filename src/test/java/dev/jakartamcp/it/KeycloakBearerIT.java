package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Bearer tokens on /mcp from a real identity provider (Keycloak, src/test/keycloak): the official
 * TypeScript SDK client with a client-credentials token uses all five tools; without a token a
 * client gets the 401 and the metadata that leads it to Keycloak; a reader's token is refused a
 * write with insufficient_scope; a token exchanged for a person (RFC 8693) acts as that person.
 */
@ExtendWith(ArquillianExtension.class)
class KeycloakBearerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // auth.resource stays the default, {app.base-url}/mcp, which is the realm's resource client id
        return Deployments.realWarWithConfig("auth.issuer=" + Keycloak.ISSUER + "\nauth.roles-claim=realm_access.roles\n");
    }

    @BeforeAll
    static void keycloakStarted() {
        assumeFalse(Boolean.getBoolean("skipKeycloak"), "-DskipKeycloak: the build did not start Keycloak");
    }

    @ArquillianResource
    URL deployed;

    URI base;
    RawMcp mcp;

    @BeforeEach
    void connect() {
        base = Deployments.localBase(deployed);
        mcp = new RawMcp(base);
    }

    @Test
    void theTypeScriptSdkClientWithAKeycloakTokenUsesAllFiveTools() throws Exception {
        String token = Keycloak.clientCredentialsToken("mcp-test-machine", "machine-secret", "users:read users:write users:delete");
        JsonObject report = runTypeScript("ts-client.mjs", "kc.bearer@example.org", token);
        assertEquals(Set.of("add_user", "delete_user", "get_user_by_id", "search_users", "update_user"),
                Set.copyOf(report.getJsonArray("tools").getValuesAs(JsonString::getString)));
        assertEquals("kc.bearer@example.org", report.getString("gotEmail"));
        assertEquals("TS Inc", report.getString("updatedCompany"));
        assertTrue(report.getString("deleteText").startsWith("Deleted user"), report.toString());
        assertTrue(report.getBoolean("terminated"));
    }

    @Test
    void withoutATokenTheMetadataLeadsToKeycloak() throws Exception {
        HttpResponse<String> r = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null);
        assertEquals(401, r.statusCode(), r.body());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
        String metadataUrl = challenge.replaceAll(".*resource_metadata=\"([^\"]+)\".*", "$1");
        HttpResponse<String> metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metadataUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metadata.statusCode(), metadataUrl);
        JsonObject doc = RawMcp.json(metadata.body()).asJsonObject();
        assertEquals(base.resolve("mcp").toString(), doc.getString("resource"));
        String issuer = doc.getJsonArray("authorization_servers").getString(0);
        assertEquals(Keycloak.ISSUER, issuer);
        // and that authorization server is real: its discovery document names the same issuer
        assertEquals(issuer, Keycloak.discovery().getString("issuer"));
    }

    @Test
    void aReadersTokenIsRefusedAWriteAndAPersonsExchangedTokenActsAsThePerson() {
        String reader = Keycloak.clientCredentialsToken("mcp-test-reader", "reader-secret", "users:read");
        Map<String, String> asReader = Map.of("Authorization", "Bearer " + reader);
        String session = open(asReader);
        HttpResponse<String> delete = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"delete_user\",\"arguments\":{\"id\":3}}}", session, asReader);
        assertEquals(403, delete.statusCode(), delete.body());
        assertTrue(delete.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"insufficient_scope\""));

        // alice's token, exchanged at Keycloak for this MCP resource: her session, not bob's
        String resource = base.resolve("mcp").toString();
        String alice = Keycloak.exchange(Keycloak.passwordToken("alice", "alice-password", "openid users:read"), resource, "users:read");
        String bob = Keycloak.exchange(Keycloak.passwordToken("bob", "bob-password", "openid users:read"), resource, "users:read");
        Map<String, String> asAlice = Map.of("Authorization", "Bearer " + alice);
        String hers = open(asAlice);
        HttpResponse<String> asBob = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":{}}", hers,
                Map.of("Authorization", "Bearer " + bob));
        assertEquals(404, asBob.statusCode(), "a session is bound to the person who opened it: " + asBob.body());
        HttpResponse<String> list = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\",\"params\":{}}", hers, asAlice);
        assertEquals(200, list.statusCode(), list.body());
    }

    private String open(Map<String, String> auth) {
        HttpResponse<String> init = mcp.post(RawMcp.initializeBody(1, "2025-11-25"), null, auth);
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertEquals(202, mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session, auth).statusCode());
        return session;
    }

    private JsonObject runTypeScript(String script, String... args) throws Exception {
        return TypeScriptClients.run(base.resolve("mcp"), script, args);
    }
}
