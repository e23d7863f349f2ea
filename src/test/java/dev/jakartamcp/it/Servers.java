package dev.jakartamcp.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Everything the integration tests know about the server they run on, in one place. Each failsafe
 * execution names its server with {@code -Dit.server} (payara or wildfly; see pom.xml).
 * <ul>
 * <li>Payara Micro serves MicroProfile Health and Metrics on the application's port, at the root.</li>
 * <li>WildFly serves Health and the Prometheus metrics (Micrometer) on its management port,
 * 29990 in the tests (port offset 20000).</li>
 * </ul>
 */
final class Servers {

    private Servers() {
    }

    static boolean wildFly() {
        return "wildfly".equals(System.getProperty("it.server"));
    }

    static String name() {
        return wildFly() ? "WildFly" : "Payara Micro";
    }

    /** Where readiness is checked, for an application served at {@code base}. */
    static URI health(URI base, String check) {
        return management(base).resolve(check.isEmpty() ? "health" : "health/" + check);
    }

    /** The Prometheus text of the application's metrics. */
    static URI metrics(URI base) {
        return management(base).resolve("metrics");
    }

    private static URI management(URI base) {
        if (wildFly()) {
            return URI.create("http://localhost:" + Integer.getInteger("wildfly.management.port", 29990) + "/");
        }
        return base;
    }

    /**
     * Whether the OpenAPI document lists a resource path. Known difference, not fixed: SmallRye
     * OpenAPI in WildFly 39 puts every resource of a WAR with several {@code @ApplicationPath}s
     * under one of them ({@code /mcp/users/search}, {@code /mcp/conversations}, ...), and which one
     * varies from run to run; Payara lists each under its own application path.
     */
    static boolean openApiLists(String document, String applicationPath, String resourcePath) {
        if (wildFly()) {
            return document.contains(resourcePath + ":");
        }
        return document.contains(applicationPath + resourcePath);
    }

    /**
     * WildFly runs the whole suite in one server, so each deployment starts from an empty database
     * (Payara Micro boots per test class with a fresh root directory). Called while the previous
     * deployment is undeployed, so no connection holds the files.
     */
    static void freshDatabase() {
        String dir = System.getProperty("wildfly.it.data");
        if (!wildFly() || dir == null) {
            return;
        }
        Path root = Path.of(dir);
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
