import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark only (bench/run.sh): creates N idle MCP sessions, each with initialize and then
 * notifications/initialized, from a few threads, and prints "SESSIONS created=.. initialized=.. failed=..".
 * Run it from source: {@code java bench/tools/CreateSessions.java URL N [THREADS]}.
 */
public class CreateSessions {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench-sessions\",\"version\":\"1.0\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int total = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger initialized = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (next.getAndIncrement() < total && failed.get() < 100) {
                    try {
                        HttpResponse<String> init = http.send(post(uri, INITIALIZE, null), HttpResponse.BodyHandlers.ofString());
                        String sid = init.headers().firstValue("Mcp-Session-Id").orElse(null);
                        if (init.statusCode() != 200 || sid == null) {
                            failed.incrementAndGet();
                            System.err.println("initialize: HTTP " + init.statusCode() + " " + init.body());
                            continue;
                        }
                        created.incrementAndGet();
                        HttpResponse<Void> ack = http.send(post(uri, INITIALIZED, sid), HttpResponse.BodyHandlers.discarding());
                        if (ack.statusCode() == 202) {
                            initialized.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            System.err.println("notifications/initialized: HTTP " + ack.statusCode());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println(e);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            System.err.println("not done after 30 minutes");
        }
        System.out.printf("SESSIONS created=%d initialized=%d failed=%d%n", created.get(), initialized.get(), failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static HttpRequest post(URI uri, String body, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b.build();
    }
}
