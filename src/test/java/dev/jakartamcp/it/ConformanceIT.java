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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official MCP conformance suite against /conformance/mcp, on the server this run deploys to
 * (Payara Micro or WildFly), one boot for all of it:
 * <ul>
 * <li>0.1.16 ({@code --suite all}): every scenario, active and pending, with no failure and no warning;</li>
 * <li>0.2.0-alpha.12 ({@code conformance-2026}) {@code --requirements 2025-11-25} and
 * {@code --requirements 2026-07-28}: every scored scenario with no failure and no warning;</li>
 * <li>0.2.0-alpha.12 {@code --suite all}: reported per scenario in target/conformance-2026/{server}/suite-all.txt,
 * not asserted (extensions and pending scenarios the server does not implement).</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the default page size: some 0.2.0-alpha.12 scenarios look for a fixture on the first page only
        // (the other ITs page by 2 to exercise cursors)
        return Deployments.realWarWithConfig("mcp.conformance.enabled=true\nmcp.tools.page-size=50\n");
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

    /** Which server this run deploys to (payara-micro or wildfly): each keeps its own results. */
    private static final String SERVER = System.getProperty("arquillian.launch", "server");

    private static final Pattern RESULT_DIR = Pattern.compile("server-(.+)-\\d{4}-\\d{2}-\\d{2}T[0-9-]+Z");
    private static final Pattern NOT_SCORED = Pattern.compile("^\\s+[✓✗] (\\S+) \\(", Pattern.MULTILINE);

    @Test
    void suite2026PassesEveryScoredScenarioOfBothRevisions() throws Exception {
        URI base = Deployments.localBase(deployed);
        Map<String, Integer> expectedScored = Map.of("2025-11-25", 30, "2026-07-28", 37);
        List<String> notClean = new ArrayList<>();
        for (String revision : List.of("2025-11-25", "2026-07-28")) {
            Path results = Path.of("target", "conformance-2026", SERVER, revision).toAbsolutePath();
            String output = run2026(base, results, "--requirements", revision);
            Map<String, List<String>> scored = outcomes(results, notScored(output));
            assertEquals(expectedScored.get(revision), scored.size(), revision + " scored scenarios: " + scored.keySet());
            scored.forEach((scenario, problems) -> problems.forEach(p -> notClean.add(revision + " " + scenario + ": " + p)));
        }
        assertEquals(List.of(), notClean, "no failure and no warning in any scored scenario");
    }

    @Test
    void suite2026AllScenariosAreReported() throws Exception {
        Path results = Path.of("target", "conformance-2026", SERVER, "all").toAbsolutePath();
        String output = run2026(Deployments.localBase(deployed), results, "--suite", "all");
        Map<String, List<String>> all = outcomes(results, Set.of());
        StringBuilder report = new StringBuilder("# conformance 0.2.0-alpha.12 server --suite all (reported, not asserted)\n");
        all.forEach((scenario, problems) -> report.append(problems.isEmpty() ? "PASS " : "FAIL ").append(scenario)
                .append(problems.isEmpty() ? "" : " " + problems.size() + " problem(s): " + problems).append('\n'));
        report.append(output.substring(Math.max(0, output.lastIndexOf("Total:"))));
        Files.writeString(Path.of("target", "conformance-2026", SERVER, "suite-all.txt"), report);
        System.out.println(report);
        assertTrue(all.size() >= 60, "every server scenario ran: " + all.keySet());
    }

    /** Runs 0.2.0-alpha.12 server mode into a fresh directory; returns its output. */
    private String run2026(URI base, Path results, String... args) throws Exception {
        File dir = new File(System.getProperty("ts.client.dir", "src/test/node"));
        deleteTree(results);
        List<String> command = new ArrayList<>(List.of(new File(dir, "node_modules/.bin/node").getAbsolutePath(),
                "node_modules/conformance-2026/dist/index.js", "server",
                "--url", base.resolve("conformance/mcp").toString(), "-o", results.toString()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process suite = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start();
        String output = new String(suite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(suite.waitFor(5, TimeUnit.MINUTES));
        System.out.println("---- conformance 0.2.0-alpha.12 " + String.join(" ", args) + " ("
                + (System.nanoTime() - start) / 1_000_000 + " ms) ----\n" + output.substring(Math.max(0, output.lastIndexOf("Total:"))));
        return output;
    }

    /** Scenarios the run lists as "Not scored" (extensions, pending, added after the release). */
    private static Set<String> notScored(String output) {
        int from = output.indexOf("Not scored");
        Set<String> names = new HashSet<>();
        if (from >= 0) {
            Matcher m = NOT_SCORED.matcher(output.substring(from));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Per scenario (but those excluded), every check that is neither SUCCESS nor INFO. */
    private static Map<String, List<String>> outcomes(Path results, Set<String> excluded) throws IOException {
        Map<String, List<String>> outcomes = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(results)) {
            for (Path dir : dirs.toList()) {
                Matcher name = RESULT_DIR.matcher(dir.getFileName().toString());
                assertTrue(name.matches(), dir.toString());
                if (excluded.contains(name.group(1))) {
                    continue;
                }
                List<String> problems = new ArrayList<>();
                for (JsonValue check : RawMcp.json(Files.readString(dir.resolve("checks.json"))).asJsonArray()) {
                    String status = check.asJsonObject().getString("status");
                    if (!status.equals("SUCCESS") && !status.equals("INFO")) {
                        problems.add(check.asJsonObject().getString("id", "?") + " " + status + " "
                                + check.asJsonObject().getString("errorMessage", ""));
                    }
                }
                outcomes.put(name.group(1), problems);
            }
        }
        return outcomes;
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
