import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency probe for licensing-service's Licenses page benchmark (not a test; run by bench/run). JDK only, so it runs
 * straight from source: {@code java LicensingBench.java <mode> ...}.
 *
 * <pre>
 *   page BASE_URL TOKEN REQUESTS CLIENTS WARMUP   GET /api/v1/licenses; WARMUP requests not counted, then REQUESTS
 *                                               counted; prints p50/p99/max latency
 * </pre>
 */
public class LicensingBench {

    /**
     * One HTTP/1.1 client, so one connection, per client thread: 32 clients are 32 callers, as 32 scripts
     * would be, not 32 streams multiplexed over one connection.
     */
    private static final ThreadLocal<HttpClient> HTTP = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build());

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "page" -> page(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("mode: page");
        }
    }

    /**
     * The warm-up runs in this process, from the same clients, so that the client's own HTTP code is compiled too
     * when the counted requests start, not only the service's.
     */
    static void page(String base, String token, int requests, int clients, int warmup) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/licenses"))
                .header("Authorization", "Bearer " + token).GET().build();
        runClients(clients, () -> {
            for (int i = 0; i < warmup / clients; i++) {
                send(request);
            }
        });
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        runClients(clients, () -> {
            for (int i = 0; i < requests / clients; i++) {
                long start = System.nanoTime();
                int status = send(request);
                latencies.add(System.nanoTime() - start);
                if (status != 200) {
                    failures.incrementAndGet();
                }
            }
        });
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("page requests=%d clients=%d failures=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", sorted.size(),
                clients, failures.get(), ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static int send(HttpRequest request) {
        try {
            return HTTP.get().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void runClients(int clients, Runnable work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            new Thread(() -> {
                try {
                    work.run();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
