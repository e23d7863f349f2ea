package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance 0.1.16, on Node 22 from
 * npm) against /conformance/mcp on the real Payara Micro: every scenario, active and pending, with
 * no failure and no warning.
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig("mcp.conformance.enabled=true\n");
    }

    @ArquillianResource
    URL deployed;

    @Test
    void officialSuitePassesAllScenariosWithoutWarnings() throws Exception {
        URI base = Deployments.localBase(deployed);
        File dir = new File(System.getProperty("ts.client.dir", "src/test/node"));
        Path results = Path.of("target", "conformance-results").toAbsolutePath();
        deleteTree(results);
        Process suite = new ProcessBuilder(new File(dir, "node_modules/.bin/node").getAbsolutePath(),
                "node_modules/@modelcontextprotocol/conformance/dist/index.js", "server",
                "--url", base.resolve("conformance/mcp").toString(), "--suite", "all", "-o", results.toString())
                .directory(dir).redirectErrorStream(true).start();
        String output = new String(suite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(suite.waitFor(5, TimeUnit.MINUTES));
        System.out.println("---- conformance suite output ----\n" + output.substring(Math.max(0, output.indexOf("=== SUMMARY"))));

        assertEquals(0, suite.exitValue(), output);
        assertTrue(output.matches("(?s).*Total: \\d+ passed, 0 failed.*"), output);

        List<String> scenarios = new ArrayList<>();
        List<String> notClean = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(results)) {
            for (Path scenario : dirs.toList()) {
                scenarios.add(scenario.getFileName().toString());
                for (JsonValue check : RawMcp.json(Files.readString(scenario.resolve("checks.json"))).asJsonArray()) {
                    String status = check.asJsonObject().getString("status");
                    if (!status.equals("SUCCESS") && !status.equals("INFO")) {
                        notClean.add(scenario.getFileName() + ": " + check);
                    }
                }
            }
        }
        assertEquals(32, scenarios.size(), "30 active and 2 pending scenarios: " + scenarios);
        assertEquals(List.of(), notClean, "no failure and no warning in any scenario");
    }

    @Test
    void fixturesNeverAppearOnTheProductServer() {
        RawMcp product = new RawMcp(Deployments.localBase(deployed));
        JsonObject list = product.request(product.openSession("2025-11-25"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}");
        String names = list.getJsonObject("result").getJsonArray("tools").toString();
        assertFalse(names.contains("test_"), names);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
