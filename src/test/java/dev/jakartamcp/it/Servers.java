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
    /** Payara Micro's HTTP port in the tests (arquillian.xml): fixed, because Keycloak knows the redirect URIs. */
    static final int PAYARA_PORT = 18080;

    /**
     * The Payara Micro adapter ends a test class's server with Process.destroy() and does not wait
     * for it, so on a slow machine the next class's server can find the fixed port still held and
     * fail to start. Waits (at most a minute) until the port can be bound again.
     */
    static void payaraPortFree() {
        if (wildFly()) {
            return;
        }
        previousPayaraGone();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), PAYARA_PORT));
                return;
            } catch (IOException held) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + PAYARA_PORT + " still held a minute after the previous server's stop", held);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * The previous test class's Payara Micro, a child of this JVM, must have exited before the next
     * one starts: while it shuts down it still answers on the fixed port, with its application already
     * undeployed (404 pages for everything), and with autoBindHttp the new server would quietly take
     * another port. Waits for it, and kills it when it does not go within 30 s.
     */
    private static void previousPayaraGone() {
        ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .forEach(p -> {
                    try {
                        p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException slow) {
                        System.err.println("[it] the previous Payara Micro (pid " + p.pid() + ") is still running after 30 s: killing it");
                        p.destroyForcibly();
                        p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

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
