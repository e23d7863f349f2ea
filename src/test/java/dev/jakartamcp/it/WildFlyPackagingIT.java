package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's WildFly command, run literally: {@code server-config/run-wildfly.sh} on the
 * provisioned server with a stable base directory, twice. Users and conversations created before
 * the restart are still there after it, and the seeder does not add another 1000. Runs beside the
 * Arquillian server of the suite, so its ports are offset by 21000 (HTTP 29080).
 */
class WildFlyPackagingIT {

    private static final int OFFSET = 21000;
    private static final int PORT = 8080 + OFFSET;

    private final HttpClient http = HttpClient.newHttpClient();

    private static final java.util.List<String> COMPLAINTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void runScriptServesTheWarAndDataSurvivesARestart() throws Exception {
        Path base = Path.of("target", "wildfly-packaging-it").toAbsolutePath();
        deleteTree(base);
        URI root = URI.create("http://localhost:" + PORT + "/");
        URI users = root.resolve("v1/users");

        int createdId;
        String conversationId;
        Process first = start(base);
        try {
            assertEquals(1000, RawMcp.json(get(users).body()).asJsonArray().size());
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(users).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Per\",\"surname\":\"Sistent\","
                            + "\"email\":\"per.sistent@example.org\",\"about_me\":\"survives restarts\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            createdId = RawMcp.json(created.body()).asJsonObject().getInt("id");
            HttpResponse<String> conversation = http.send(HttpRequest.newBuilder(root.resolve("api/conversations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"kept\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, conversation.statusCode(), conversation.body());
            conversationId = RawMcp.json(conversation.body()).asJsonObject().getString("id");
            assertEquals(200, new RawMcp(root).post(RawMcp.initializeBody(1, "2025-11-25"), null).statusCode(),
                    "the MCP endpoint is served at /mcp");
            java.net.InetAddress outside = LocalNetwork.nonLoopbackAddress();
            assertNotNull(outside, "this test needs a network interface besides loopback, to prove the port is not open on it");
            assertThrows(java.net.ConnectException.class, () -> new java.net.Socket(outside, PORT).close(),
                    "the run listens on loopback only: nothing answers on " + outside.getHostAddress() + ":" + PORT);
        } finally {
            stop(first);
        }
        assertTrue(Files.exists(base.resolve("data/jakarta-mcp/jakarta-mcp.mv.db")),
                "the H2 database lives under the base directory's data dir");

        COMPLAINTS.clear();
        Process second = start(base);
        try {
            assertEquals(java.util.List.of(), COMPLAINTS, "a start on an existing database logs no failed DDL");
            assertEquals(1001, RawMcp.json(get(users).body()).asJsonArray().size(), "no second seed");
            JsonObject kept = RawMcp.json(get(URI.create(users + "/" + createdId)).body()).asJsonObject();
            assertEquals("per.sistent@example.org", kept.getString("email"));
            JsonObject conversation = RawMcp.json(get(root.resolve("api/conversations/" + conversationId)).body()).asJsonObject();
            assertEquals("kept", conversation.getString("title"), "conversations survive a restart too");
        } finally {
            stop(second);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process start(Path base) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("run.wildfly.script", "server-config/run-wildfly.sh"),
                System.getProperty("wildfly.home"), System.getProperty("war.file", "target/jakarta-mcp.war"), base.toString(), "8080",
                "-Djboss.socket.binding.port-offset=" + OFFSET).redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx768m -Djava.io.tmpdir=" + base.resolve("tmp"));
        Process process = builder.start();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (PackagingIT.ddlComplaint(line)) {
                        COMPLAINTS.add(line);
                    }
                    if (line.contains("WFLYSRV0025") || line.contains("WFLYSRV0026")) { // started (with errors)
                        failed.set(line.contains("WFLYSRV0026"));
                        ready.countDown();
                    }
                    if (line.contains("ERROR")) {
                        System.out.println("[wildfly] " + line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        if (!ready.await(240, TimeUnit.SECONDS)) {
            stop(process);
            throw new AssertionError("WildFly did not start");
        }
        if (failed.get()) {
            stop(process);
            throw new AssertionError("WildFly started with errors: the deployment failed");
        }
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM to standalone.sh, which passes it to the server: a clean shutdown
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
