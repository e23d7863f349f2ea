package dev.jakartamcp.it;

import jakarta.json.JsonObject;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one of the official TypeScript SDK's scripts in src/test/node against an endpoint; returns the JSON it prints last. */
final class TypeScriptClients {

    private TypeScriptClients() {
    }

    static JsonObject run(URI endpoint, String script, String... args) throws Exception {
        File dir = new File(System.getProperty("ts.client.dir", "src/test/node"));
        List<String> command = new ArrayList<>(List.of(System.getProperty("node.executable", "node"), script, endpoint.toString()));
        command.addAll(List.of(args));
        Process node = new ProcessBuilder(command).directory(dir).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the TS client finished");
        assertEquals(0, node.exitValue(), out);
        return RawMcp.json(out.substring(out.lastIndexOf('\n') + 1)).asJsonObject();
    }
}
