package dev.jakartamcp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first steps of scale-out, on a real local cluster (server-config/cluster.sh): two Payara Micro
 * nodes in one Hazelcast data grid over TCP on loopback, the PostgreSQL the build started, and HAProxy
 * round robin per request in front, with no stickiness. What holds today: the grid forms, every
 * request may land on either node, data written through one node is read through the other, a
 * 2026-07-28 Multi Round-Trip delete asked on one node finishes on the other (each node shares its
 * requestState key through the grid), and a used state is refused on every node (the used exchanges
 * are in the grid). 2025-era sessions across nodes are not built yet (README, "Running a cluster").
 */
class PayaraClusterIT {

    static final String DATABASE = "jakartamcp_cluster";
    static final int BALANCER = 18300;
    static final Path DIR = Path.of("target/cluster-it").toAbsolutePath();
    static final String V2026 = "2026-07-28";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    int ids = 1;

    @BeforeAll
    static void startCluster() throws Exception {
        Servers.payaraPortFree();
        try (Connection c = DriverManager.getConnection(PostgresIT.ADMIN_URL, PostgresIT.USER, PostgresIT.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        cluster("start", "2", DIR.toString());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster("stop", DIR.toString());
    }

    @Test
    void theNodesFormOneGrid() throws IOException {
        for (String node : List.of("node1", "node2")) {
            String log = Files.readString(DIR.resolve(node).resolve("server.log"));
            assertTrue(log.contains("DG Size: 2"), node + " sees a grid of two: " + log.lines().filter(l -> l.contains("DG Size")).toList());
        }
    }

    @Test
    void requestsAlternateBetweenTheNodes() throws Exception {
        long id = addUser(node(1));
        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(balancer("v1/users/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            nodes.add(r.headers().firstValue("X-Served-By").orElse("?"));
        }
        assertEquals(Set.of("node1", "node2"), nodes, "round robin, no stickiness");
    }

    @Test
    void aUserWrittenThroughOneNodeIsReadThroughTheOther() throws Exception {
        long id = addUser(node(1));
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(node(2).resolve("v1/users/" + id)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        JsonObject user = Json.createReader(new java.io.StringReader(read.body())).readObject();
        assertEquals(id, user.getJsonNumber("id").longValue());
        assertEquals("Ster", user.getString("surname"));
    }

    /** delete_user asks on one node and deletes on the other: the sealed requestState opens anywhere. */
    @Test
    void aMultiRoundTripDeleteFinishesOnTheOtherNode() throws Exception {
        long id = addUser(node(1));
        HttpResponse<String> first = deleteRound(id, null, null);
        JsonObject asked = RawMcp.responseOf(first).getJsonObject("result");
        assertEquals("input_required", asked.getString("resultType"), asked.toString());

        HttpResponse<String> second = deleteRound(id, Json.createObjectBuilder().add("elicitation-1",
                Json.createObjectBuilder().add("action", "accept").add("content", Json.createObjectBuilder().add("confirm", true))),
                asked.getString("requestState"));
        JsonObject done = RawMcp.responseOf(second).getJsonObject("result");
        assertEquals("complete", done.getString("resultType"), done.toString());
        assertNotEquals(first.headers().firstValue("X-Served-By").orElseThrow(), second.headers().firstValue("X-Served-By").orElseThrow(),
                "the answer went to the other node");
        assertEquals(0, count("SELECT COUNT(*) FROM app_user WHERE id = " + id), "deleted in the shared database");
    }

    /** A used requestState is refused on the other node too: the used exchanges are in the grid. */
    @Test
    void aUsedStateIsRefusedOnEveryNode() throws Exception {
        long id = addUser(node(1));
        JsonObject asked = RawMcp.responseOf(deleteRound(id, null, null)).getJsonObject("result");
        JsonObjectBuilder yes = Json.createObjectBuilder().add("elicitation-1",
                Json.createObjectBuilder().add("action", "accept").add("content", Json.createObjectBuilder().add("confirm", true)));
        String state = asked.getString("requestState");
        HttpResponse<String> used = deleteRound(id, yes, state);
        assertEquals("complete", RawMcp.responseOf(used).getJsonObject("result").getString("resultType"));
        Set<String> refusedBy = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> replay = deleteRaw(id, Json.createObjectBuilder().add("elicitation-1",
                    Json.createObjectBuilder().add("action", "accept").add("content", Json.createObjectBuilder().add("confirm", true))), state);
            String node = replay.headers().firstValue("X-Served-By").orElse("?");
            assertEquals(400, replay.statusCode(), "replayed on " + node + ": " + replay.body());
            refusedBy.add(node);
        }
        assertEquals(Set.of("node1", "node2"), refusedBy, "refused on both nodes");
    }

    private HttpResponse<String> deleteRound(long id, JsonObjectBuilder responses, String state) throws Exception {
        HttpResponse<String> r = deleteRaw(id, responses, state);
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private HttpResponse<String> deleteRaw(long id, JsonObjectBuilder responses, String state) throws Exception {
        JsonObjectBuilder params = Json.createObjectBuilder()
                .add("_meta", Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", V2026)
                        .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder().add("elicitation", Json.createObjectBuilder()))
                        .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "cluster-it").add("version", "1")))
                .add("name", "delete_user").add("arguments", Json.createObjectBuilder().add("id", id));
        if (responses != null) params.add("inputResponses", responses);
        if (state != null) params.add("requestState", state);
        return deleteRaw(params);
    }

    private HttpResponse<String> deleteRaw(JsonObjectBuilder params) throws Exception {
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", ids++).add("method", "tools/call")
                .add("params", params).build().toString();
        return http.send(HttpRequest.newBuilder(balancer("mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", V2026).header("Mcp-Method", "tools/call").header("Mcp-Name", "delete_user")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long addUser(URI node) throws Exception {
        String email = "clu.ster" + System.nanoTime() % 1_000_000 + "@example.org";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(node.resolve("v1/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Clu\",\"surname\":\"Ster\",\"email\":\"" + email + "\","
                        + "\"about_me\":\"Two nodes\",\"gender\":\"male\",\"date_of_birth\":\"1991-04-05\",\"salary\":2.5}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return Json.createReader(new java.io.StringReader(created.body())).readObject().getJsonNumber("id").longValue();
    }

    private static URI balancer(String path) {
        return URI.create("http://127.0.0.1:" + BALANCER + "/" + path);
    }

    private static URI node(int i) {
        return URI.create("http://127.0.0.1:" + (BALANCER + i) + "/");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:18432/" + DATABASE, PostgresIT.USER, PostgresIT.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void cluster(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "server-config/cluster.sh"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("DB_CLASS_NAME", "org.postgresql.ds.PGSimpleDataSource");
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:18432/" + DATABASE);
        env.put("DB_USER", PostgresIT.USER);
        env.put("DB_PASSWORD", PostgresIT.PASSWORD);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(8, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
        System.out.println(output);
    }
}
