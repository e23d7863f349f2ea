package dev.jakartamcp.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official conformance suite in client mode judges target/mcp-client.jar: it starts its own mock
 * servers and runs {@code java -jar target/mcp-client.jar conformance <url>}.
 */
class ClientConformanceIT {

    @ParameterizedTest
    @ValueSource(strings = {"initialize", "tools_call", "elicitation-sep1034-client-defaults", "sse-retry"})
    void scenarioPasses(String scenario) throws Exception {
        File dir = new File(System.getProperty("ts.client.dir", "src/test/node"));
        String jar = new File("target/mcp-client.jar").getAbsolutePath();
        Process suite = new ProcessBuilder(new File(dir, "node_modules/.bin/node").getAbsolutePath(),
                "node_modules/@modelcontextprotocol/conformance/dist/index.js", "client",
                "--command", "java -jar " + jar + " conformance", "--scenario", scenario, "--timeout", "60000",
                "-o", new File("target/client-conformance-results").getAbsolutePath())
                .directory(dir).redirectErrorStream(true).start();
        String output = new String(suite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(suite.waitFor(3, TimeUnit.MINUTES));
        String summary = output.substring(Math.max(0, output.indexOf("Test Results:")));
        System.out.println("---- conformance client " + scenario + " ----\n" + summary);
        assertEquals(0, suite.exitValue(), output);
        assertTrue(summary.matches("(?s).*Passed: (\\d+)/\\1, 0 failed, 0 warnings.*"), output);
    }
}
