import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite's load: Graph {@code POST /v1.0/users/{id}/assignLicense} removing one product, each call for
 * the next user of a list (so every user is unassigned at most once), at a fixed rate that does not slow down
 * when the service does (an open loop: a stalled service shows as failures, not as a lower rate). Every call's
 * outcome is one line of the output, written when it ends:
 *
 * <pre>seq  userId  sentAtMs  latencyMs  status  target  failovers  detail</pre>
 *
 * {@code status} is the HTTP status, or 0 when no answer came (refused, reset, timed out: {@code detail} says
 * which). With several targets (replicas of licensing-service behind no load balancer), calls go round-robin
 * and a call whose connection is refused goes to the next target, as a Service would route around a dead pod;
 * only a refused connection is retried, since the request never reached a service then.
 *
 * <p>On the JDK alone (it also runs from source: {@code java UnassignLoad.java ...}); {@code deploy/local/faults/run} runs
 * {@code java UnassignLoad --targets URL[,URL] --users FILE --sku GUID --rate N --out FILE --stop-file FILE}
 * with the bearer token in the environment variable {@code FAULTS_TOKEN}. It stops when the stop file appears or
 * the users run out, waits for the calls in flight and prints one summary line.
 */
public class UnassignLoad {

    private static final Pattern GRAPH_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern GRAPH_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]{0,160})");

    private final List<URI> targets;
    private final List<String> users;
    private final String body;
    private final String token;
    private final long periodNanos;
    private final Duration timeout;
    private final Path stopFile;
    private final BufferedWriter out;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final AtomicInteger nextTarget = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();

    UnassignLoad(List<URI> targets, List<String> users, String sku, String token, double rate, Duration timeout,
            int maxInFlight, Path stopFile, BufferedWriter out, ExecutorService executor) {
        this.targets = targets;
        this.users = users;
        this.body = "{\"addLicenses\":[],\"removeLicenses\":[\"" + sku + "\"]}";
        this.token = token;
        this.periodNanos = (long) (1_000_000_000L / rate);
        this.timeout = timeout;
        this.stopFile = stopFile;
        this.out = out;
        this.inFlight = new Semaphore(maxInFlight);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(executor).build();
    }

    public static void main(String[] args) throws Exception {
        Faults.Arguments a = Faults.Arguments.parse(args, 0);
        String token = System.getenv("FAULTS_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("FAULTS_TOKEN (a bearer token) is not set");
        }
        List<String> users = Files.readAllLines(a.path("users")).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        List<URI> targets = new ArrayList<>();
        for (String target : a.get("targets").split(",")) {
            targets.add(URI.create(target.strip().replaceAll("/+$", "")));
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try (BufferedWriter out = Files.newBufferedWriter(a.path("out"), StandardCharsets.UTF_8)) {
            out.write("seq\tuserId\tsentAtMs\tlatencyMs\tstatus\ttarget\tfailovers\tdetail\n");
            UnassignLoad load = new UnassignLoad(targets, users, a.get("sku"), token, Double.parseDouble(a.get("rate")),
                    Duration.ofMillis(Long.parseLong(a.getOr("timeout-ms", "10000"))),
                    Integer.parseInt(a.getOr("max-in-flight", "400")), a.path("stop-file"), out, executor);
            load.run();
        } finally {
            executor.shutdownNow();
        }
    }

    void run() throws Exception {
        long start = System.nanoTime();
        int seq = 0;
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        String stoppedBy = "the users ran out";
        System.out.println("load: sending " + users.size() + " users' calls at most, " + 1e9 / periodNanos + " per second");
        System.out.flush();
        while (seq < users.size()) {
            if (Files.exists(stopFile)) {
                stoppedBy = "the stop file";
                break;
            }
            long due = start + seq * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int call = seq++;
            String user = users.get(call);
            if (!inFlight.tryAcquire()) {
                // more calls hang than the driver holds: the service has stalled; the call is not sent
                shed.incrementAndGet();
                write(call, user, System.currentTimeMillis(), 0, 0, -1, 0, "not-sent:too-many-in-flight");
                continue;
            }
            pending.add(send(call, user));
            if (pending.size() > 4096) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .get(timeout.toMillis() * 2 + 5_000, TimeUnit.MILLISECONDS);
        synchronized (out) {
            out.flush();
        }
        System.out.printf("load: %d calls in %.0f s (stopped by %s): %d answered, %d of them 2xx, %d without answer,"
                + " %d not sent%n", seq, (System.nanoTime() - start) / 1e9, stoppedBy, answered.get(), succeeded.get(),
                unanswered.get(), shed.get());
    }

    private CompletableFuture<Void> send(int seq, String user) {
        long sentAt = System.currentTimeMillis();
        long began = System.nanoTime();
        int first = Math.floorMod(nextTarget.getAndIncrement(), targets.size());
        return attempt(user, first, 0).handle((result, failure) -> {
            long latency = (System.nanoTime() - began) / 1_000_000;
            try {
                if (failure == null) {
                    answered.incrementAndGet();
                    int status = result.response().statusCode();
                    if (status / 100 == 2) {
                        succeeded.incrementAndGet();
                    }
                    write(seq, user, sentAt, latency, status, result.target(), result.failovers(),
                            status / 100 == 2 ? "" : graphError(result.response().body()));
                } else {
                    unanswered.incrementAndGet();
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    write(seq, user, sentAt, latency, 0, first, 0, "no-answer:" + kind(cause));
                }
            } finally {
                inFlight.release();
            }
            return null;
        });
    }

    private record Result(HttpResponse<String> response, int target, int failovers) {
    }

    /** Sends to {@code target}; a refused connection moves on to the next target, once around the list. */
    private CompletableFuture<Result> attempt(String user, int target, int failovers) {
        HttpRequest request = HttpRequest.newBuilder(targets.get(target).resolve("/v1.0/users/" + user + "/assignLicense"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Result(response, target, failovers))
                .exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof ConnectException && failovers + 1 < targets.size()) {
                        return attempt(user, (target + 1) % targets.size(), failovers + 1);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private static String kind(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connect-timeout";
        }
        if (failure instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (failure instanceof ConnectException) {
            return "refused";
        }
        if (failure instanceof IOException) {
            return "io:" + String.valueOf(failure.getMessage()).replaceAll("\\s+", " ");
        }
        return failure.getClass().getSimpleName();
    }

    /** Graph's error code and the start of its message, on one line. */
    private static String graphError(String body) {
        if (body == null) {
            return "";
        }
        Matcher code = GRAPH_CODE.matcher(body);
        Matcher message = GRAPH_MESSAGE.matcher(body);
        String text = (code.find() ? code.group(1) : "?") + ": " + (message.find() ? message.group(1) : body);
        return text.replaceAll("[\\t\\r\\n]+", " ");
    }

    private void write(int seq, String user, long sentAt, long latency, int status, int target, int failovers,
            String detail) {
        String line = seq + "\t" + user + "\t" + sentAt + "\t" + latency + "\t" + status + "\t" + target + "\t"
                + failovers + "\t" + detail.replace('\t', ' ') + "\n";
        synchronized (out) {
            try {
                out.write(line);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the outcome of call " + seq, e);
            }
        }
    }
}
