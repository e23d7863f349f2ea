package dev.jakartamcp.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official conformance suite in client mode judges target/mcp-client.jar: it starts its own mock
 * servers and runs {@code java -jar target/mcp-client.jar conformance <url>}. Twice: 0.1.16 (the
 * 2025-11-25 scenarios), and 0.2.0-alpha.12 with the frozen scenario sets of both revisions
 * ({@code --requirements 2025-11-25} and {@code 2026-07-28}), where the client starts in era auto
 * and must find each mock's era by itself. Every client scenario but the OAuth ones ({@code auth/*},
 * for which this client has no flow) must pass, scored or not.
 */
class ClientConformanceIT {

    static final File DIR = new File(System.getProperty("ts.client.dir", "src/test/node"));
    static final String SUITE_2026 = "node_modules/conformance-2026/dist/index.js";

    @ParameterizedTest
    @ValueSource(strings = {"initialize", "tools_call", "elicitation-sep1034-client-defaults", "sse-retry"})
    void scenarioPasses(String scenario) throws Exception {
        String output = suite("node_modules/@modelcontextprotocol/conformance/dist/index.js", "client",
                "--command", command(), "--scenario", scenario, "--timeout", "60000",
                "-o", new File("target/client-conformance-results").getAbsolutePath());
        assertAllPassed("0.1.16 " + scenario, output);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requiredScenarios")
    void requiredScenarioPasses(String revision, String scenario) throws Exception {
        String output = suite(SUITE_2026, "client", "--requirements", revision, "--scenario", scenario,
                "--command", command(), "--timeout", "60000",
                "-o", new File("target/client-conformance-2026-results/" + revision).getAbsolutePath());
        assertAllPassed("0.2.0-alpha.12 " + revision + " " + scenario, output);
    }

    /** What {@code list --client --requirements R} names for the client, scored or reported, but auth/*. */
    static Stream<Arguments> requiredScenarios() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String revision : List.of("2025-11-25", "2026-07-28")) {
            boolean client = false;
            boolean unscored = false;
            for (String line : suite(SUITE_2026, "list", "--client", "--requirements", revision).split("\n")) {
                if (line.startsWith("Client scenarios")) {
                    client = true;
                } else if (line.startsWith("Server scenarios")) {
                    client = false;
                } else if (line.startsWith("Run and reported")) {
                    client = false;
                    unscored = true;
                }
                String item = line.trim();
                if (!item.startsWith("- ")) {
                    continue;
                }
                String name = item.substring(2).replace(" [client]", "").trim();
                boolean forClient = unscored ? item.endsWith("[client]") : client;
                if (forClient && !name.startsWith("auth/")) {
                    out.add(Arguments.of(revision, name));
                }
            }
        }
        assertTrue(out.stream().anyMatch(a -> a.get()[1].equals("sep-2322-client-request-state")), out.toString());
        return out.stream();
    }

    private static String command() {
        return "java -jar " + new File("target/mcp-client.jar").getAbsolutePath() + " conformance";
    }

    private static String suite(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(new File(DIR, "node_modules/.bin/node").getAbsolutePath(), script));
        command.addAll(List.of(args));
        Process suite = new ProcessBuilder(command).directory(DIR).redirectErrorStream(true).start();
        String output = new String(suite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(suite.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, suite.exitValue(), output);
        return output;
    }

    private static void assertAllPassed(String what, String output) {
        String summary = output.substring(Math.max(0, output.indexOf("Test Results:")));
        System.out.println("---- conformance client " + what + " ----\n" + summary);
        assertTrue(summary.matches("(?s).*Passed: (\\d+)/\\1, 0 failed, 0 warnings.*"), output);
    }
}
