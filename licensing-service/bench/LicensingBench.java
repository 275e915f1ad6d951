import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for licensing-service's benchmarks (not a test; run by bench/run). JDK only, so it runs
 * straight from source: {@code java LicensingBench.java <mode> ...}.
 *
 * <pre>
 *   page     BASE_URL TOKEN REQUESTS CLIENTS          GET /api/v1/licenses; prints p50/p99/max latency
 *   unassign BASE_URL TOKEN PAIRS_FILE CLIENTS SECONDS  Graph assignLicense removing one SKU per call;
 *                                                      PAIRS_FILE lines "userId skuId"; prints calls/s
 * </pre>
 */
public class LicensingBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "page" -> page(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "unassign" -> unassign(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("mode: page | unassign");
        }
    }

    static void page(String base, String token, int requests, int clients) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/licenses"))
                .header("Authorization", "Bearer " + token).GET().build();
        for (int i = 0; i < 200; i++) {
            send(request); // warm-up
        }
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

    static void unassign(String base, String token, Path pairsFile, int clients, int seconds) throws Exception {
        List<String> pairs = Files.readAllLines(pairsFile);
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        runClients(clients, () -> {
            while (System.nanoTime() < deadline) {
                int index = (int) next.getAndIncrement();
                if (index >= pairs.size()) {
                    return;
                }
                String[] pair = pairs.get(index).trim().split("\\s+");
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1.0/users/" + pair[0] + "/assignLicense"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"addLicenses\":[],\"removeLicenses\":[\"" + pair[1] + "\"]}"))
                        .build();
                if (send(request) == 200) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("unassign clients=%d seconds=%.1f ok=%d failed=%d calls_per_s=%.1f%n", clients, elapsed, ok.get(),
                failed.get(), ok.get() / elapsed);
    }

    private static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
