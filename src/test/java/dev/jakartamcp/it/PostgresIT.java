package dev.jakartamcp.it;

import dev.jakartamcp.mcp.client.McpClient;
import dev.jakartamcp.mcp.protocol.CallToolResult;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application on a real PostgreSQL (src/test/postgres, started by the build on 127.0.0.1:18432)
 * instead of the servers' embedded H2, chosen by configuration only: on Payara the MicroProfile
 * Config keys db.class-name and db.url (here in the deployment; in production DB_CLASS_NAME and
 * DB_URL), on WildFly the system properties of the same names. Users, tools and readiness all see
 * the one database.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresIT {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:18432/postgres";
    static final String USER = "mcp";
    static final String PASSWORD = "mcp-password";
    static final String DATABASE = Servers.wildFly() ? "jakartamcp_wildfly" : "jakartamcp_payara";
    static final String URL = "jdbc:postgresql://127.0.0.1:18432/" + DATABASE;
    static final String CLASS_NAME = "org.postgresql.ds.PGSimpleDataSource";

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        freshDatabase();
        if (Servers.wildFly()) {
            wildFlyCli("/system-property=db.class-name:add(value=" + CLASS_NAME + ")",
                    "/system-property=db.url:add(value=\"" + URL + "\")",
                    "/system-property=db.user:add(value=" + USER + ")",
                    "/system-property=db.password:add(value=" + PASSWORD + ")");
            return Deployments.realWar();
        }
        // Payara reads the user and password from DB_USER and DB_PASSWORD only (the environment of the
        // server); PostgreSQL's driver takes them in the URL too, which the test can set per deployment
        return Deployments.realWarWithConfig("db.class-name=" + CLASS_NAME + "\n"
                + "db.url=" + URL + "?user=" + USER + "&password=" + PASSWORD + "\n");
    }

    /** The next test classes on the same WildFly are back on H2. */
    @AfterAll
    static void forgetTheDatabase() throws Exception {
        if (Servers.wildFly()) {
            wildFlyCli("/system-property=db.class-name:remove()", "/system-property=db.url:remove()",
                    "/system-property=db.user:remove()", "/system-property=db.password:remove()");
        }
    }

    @ArquillianResource
    URL deployed;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Order(1)
    void usersAndToolsLiveInPostgres() throws Exception {
        URI base = Deployments.localBase(deployed);
        assertEquals(1000, count("SELECT COUNT(*) FROM app_user"), "the users were seeded into PostgreSQL, once");

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("v1/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Pat\",\"surname\":\"Gres\",\"email\":\"pat.gres@example.org\","
                        + "\"about_me\":\"Keeps rows\",\"gender\":\"female\",\"date_of_birth\":\"1990-02-03\",\"salary\":1.5}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        long id = JsonCodec.parseObject(created.body()).getJsonNumber("id").longValue();
        assertEquals(1, count("SELECT COUNT(*) FROM app_user WHERE email = 'pat.gres@example.org' AND id = " + id),
                "the REST write is a row in PostgreSQL");

        try (McpClient client = McpClient.builder(base.resolve("mcp").toString()).connect()) {
            CallToolResult found = client.callTool("get_user_by_id", JsonCodec.object().add("id", id).build());
            assertFalse(found.isError(), found.text());
            assertEquals("Gres", found.structuredContent().getString("surname"));
        }
    }

    /**
     * Readiness is the database's: DOWN while PostgreSQL is stopped, and on Payara UP again once it
     * is back (its pool validates connections). WildFly gives a datasource that an application
     * defines no connection validation, so its pool keeps the dead connections: the README tells
     * WildFly users of PostgreSQL to define the datasource in the server instead.
     */
    @Test
    @Order(2)
    void readinessFollowsTheDatabase() throws Exception {
        URI ready = Servers.health(Deployments.localBase(deployed), "ready");
        assertEquals(200, waitForReadiness(ready, 200, 30).statusCode());
        postgres("stop-keep");
        try {
            HttpResponse<String> down = waitForReadiness(ready, 503, 30);
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"database\""), down.body());
        } finally {
            postgres("restart-keep");
        }
        if (Servers.wildFly()) {
            return;
        }
        HttpResponse<String> up = waitForReadiness(ready, 200, 60);
        assertEquals(200, up.statusCode(), "readiness is UP again once the database is back: " + up.body());
    }

    private HttpResponse<String> waitForReadiness(URI ready, int status, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        HttpResponse<String> last;
        do {
            last = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void freshDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static void postgres(String action) throws IOException, InterruptedException {
        run(List.of("bash", "src/test/postgres/postgres.sh", action));
    }

    private static void wildFlyCli(String... commands) throws IOException, InterruptedException {
        run(List.of(System.getProperty("wildfly.home") + "/bin/jboss-cli.sh", "--connect", "--controller=127.0.0.1:29990",
                "--commands=" + String.join(",", commands)));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
    }
}
