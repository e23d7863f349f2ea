package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operators' contract, run literally: {@code java -jar target/payara-micro.jar --deploy
 * target/<war> --contextroot / --port P --nocluster --prebootcommandfile server-config/loopback.asadmin}, with a stable --rootdir (loopback only, as the run command). Users created before a
 * restart are still there after it (and so are chat conversations), and the seeder does not add another 1000.
 */
class PackagingIT {

    private final HttpClient http = HttpClient.newHttpClient();

    /** What a start on an existing database must not log: DDL that failed because the schema is there. */
    static boolean ddlComplaint(String line) {
        String l = line.toLowerCase(java.util.Locale.ROOT);
        return l.contains("already exists") || l.contains("eclipselink-4002") || l.contains("error executing ddl")
                || l.contains("generationtarget encountered exception");
    }

    private static final java.util.List<String> COMPLAINTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void launcherServesTheWarAndDataSurvivesARestart() throws Exception {
        Path root = Path.of("target", "packaging-it-root");
        deleteTree(root);
        int port = freePort();
        URI users = URI.create("http://localhost:" + port + "/v1/users");

        int createdId;
        String conversationId;
        Process first = start(port, root);
        try {
            assertEquals(1000, RawMcp.json(get(users).body()).asJsonArray().size());
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(users).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Per\",\"surname\":\"Sistent\","
                            + "\"email\":\"per.sistent@example.org\",\"about_me\":\"survives restarts\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            createdId = RawMcp.json(created.body()).asJsonObject().getInt("id");
            HttpResponse<String> conversation = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/conversations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"kept\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, conversation.statusCode(), conversation.body());
            conversationId = RawMcp.json(conversation.body()).asJsonObject().getString("id");
            HttpResponse<String> mcp = new RawMcp(URI.create("http://localhost:" + port + "/"))
                    .post(RawMcp.initializeBody(1, "2025-11-25"), null);
            assertEquals(200, mcp.statusCode(), "the MCP endpoint is served at /mcp");
            java.net.InetAddress outside = LocalNetwork.nonLoopbackAddress();
            assertNotNull(outside, "this test needs a network interface besides loopback, to prove the port is not open on it");
            assertThrows(java.net.ConnectException.class, () -> new java.net.Socket(outside, port).close(),
                    "the run listens on loopback only: nothing answers on " + outside.getHostAddress() + ":" + port);
        } finally {
            stop(first);
        }

        COMPLAINTS.clear();
        Process second = start(port, root);
        try {
            assertEquals(java.util.List.of(), COMPLAINTS, "a start on an existing database logs no failed DDL");
            assertEquals(1001, RawMcp.json(get(users).body()).asJsonArray().size(), "no second seed");
            JsonObject kept = RawMcp.json(get(URI.create(users + "/" + createdId)).body()).asJsonObject();
            assertEquals("per.sistent@example.org", kept.getString("email"));
            JsonObject conversation = RawMcp.json(get(URI.create("http://localhost:" + port + "/api/conversations/" + conversationId)).body())
                    .asJsonObject();
            assertEquals("kept", conversation.getString("title"), "conversations survive a restart too");
        } finally {
            stop(second);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process start(int port, Path root) throws IOException, InterruptedException {
        String jar = System.getProperty("payara.micro.jar", "target/payara-micro.jar");
        String war = System.getProperty("war.file", "target/jakarta-mcp.war");
        Process process = new ProcessBuilder("java", "-Djava.io.tmpdir=target", "-jar", jar, "--deploy", war,
                "--contextroot", "/", "--port", Integer.toString(port), "--nocluster", "--rootdir", root.toString(),
                // as the run command: loopback only, since nothing identifies anyone without auth.issuer
                "--prebootcommandfile", "server-config/loopback.asadmin")
                .redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (ddlComplaint(line)) {
                        COMPLAINTS.add(line);
                    }
                    if (line.contains("ready in")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        if (!ready.await(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Payara Micro did not become ready");
        }
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        assertTrue(!Files.exists(root));
    }
}
