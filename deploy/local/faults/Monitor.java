import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Once a second, until the stop file appears: each instance's readiness (HTTP status; 0 when nothing listens,
 * -1 when it does not answer within 3 s, -2 when the connection broke), licensing's license events written and not
 * yet published, and lifecycle's events applied. One line per sample; a database that does not answer shows as -1.
 */
final class Monitor {
    /** As the readiness probe of deploy/k8s (timeoutSeconds: 3): slower counts as not ready. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    static final int REFUSED = 0;
    static final int TIMED_OUT = -1;
    static final int BROKEN = -2;

    final Faults.Arguments a;
    final Map<String, URI> ready = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    final Map<String, Connection> connections = new HashMap<>();

    Monitor(Faults.Arguments a) {
        this.a = a;
        for (String entry : a.get("ready").split(",")) {
            String[] nameUrl = entry.split("=", 2);
            ready.put(nameUrl[0], URI.create(nameUrl[1] + "/q/health/ready"));
        }
    }

    void run() throws Exception {
        Path stop = Path.of(a.get("stop-file"));
        long interval = Long.parseLong(a.getOr("interval-ms", "1000"));
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(a.get("out")), StandardCharsets.UTF_8)) {
            out.write("ms\t" + String.join("\t", ready.keySet().stream().map(n -> "ready:" + n).toList())
                    + "\tlicensingUnsent\tlicensingWritten\tlifecycleApplied\tdirectoryUnsent\n");
            long next = System.currentTimeMillis();
            while (!Files.exists(stop)) {
                long now = System.currentTimeMillis();
                Map<String, CompletableFuture<Integer>> probes = new LinkedHashMap<>();
                ready.forEach((name, uri) -> probes.put(name, http.sendAsync(
                                HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode).exceptionally(Monitor::probeFailure)));
                long[] licensing = sample("licensing", """
                        SELECT count(*) FILTER (WHERE sent_at IS NULL), count(*) FROM outbox_event WHERE topic = ?""",
                        Faults.LICENSE_TOPIC);
                long[] lifecycle = sample("lifecycle",
                        "SELECT count(*), 0 FROM processed_event WHERE consumer LIKE ?", Faults.consumerOf(Faults.LICENSE_TOPIC));
                long[] directory = sample("directory",
                        "SELECT count(*) FILTER (WHERE sent_at IS NULL), 0 FROM outbox_event", new Object[0]);
                StringBuilder line = new StringBuilder().append(now);
                for (CompletableFuture<Integer> probe : probes.values()) {
                    line.append('\t').append(probe.get());
                }
                line.append('\t').append(licensing[0]).append('\t').append(licensing[1]).append('\t')
                        .append(lifecycle[0]).append('\t').append(directory[0]).append('\n');
                out.write(line.toString());
                out.flush();
                next += interval;
                long wait = next - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                } else {
                    next = System.currentTimeMillis();
                }
            }
        }
    }

    /** No process listening (0), one that does not answer in time (-1), or a connection that broke (-2). */
    static int probeFailure(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return TIMED_OUT;
        }
        return cause instanceof java.net.ConnectException ? REFUSED : BROKEN;
    }

    long[] sample(String database, String sql, Object... params) {
        try {
            Connection c = connections.get(database);
            if (c == null) {
                c = Faults.connect(a, database);
                connections.put(database, c);
            }
            return Faults.query(c, sql, rs -> {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }, params);
        } catch (SQLException e) {
            Connection broken = connections.remove(database);
            if (broken != null) {
                try {
                    broken.close();
                } catch (SQLException ignored) {
                    // it is broken already
                }
            }
            return new long[] {-1, -1};
        }
    }
}
