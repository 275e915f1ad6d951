import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of deploy/local/bench/run (a JDK single-file program: {@code java PathLoad.java ...}; run compiles it
 * once), over the services' HTTP APIs only, as a script would call them.
 *
 * <pre>
 *   seed     --directory URL --licensing URL --token T --sync-token S --sku SKU --users N --out FILE
 *            buys a subscription of N licenses of SKU, creates N users through directory synchronization (batches
 *            of 250, with S: an application's token with Directory.ReadWrite.All) and assigns SKU to each (16 at a
 *            time) once licensing has learnt of the user; writes the users' ids to FILE, one a line. A call
 *            answered 503 or 429 (a service overloaded) is sent again after its Retry-After (else 1, 2, 4 ...
 *            s), at most 8 times; then seeding stops, says which call gave up, and exits with 1.
 *   unassign --licensing URL --token T --sku SKU --ids FILE --from I --count C --rate R [--connections N]
 *            removes SKU from the users on lines I .. I+C-1 of FILE with Graph assignLicense, offered open-loop at
 *            R calls/s (a call is due on schedule whether or not the earlier ones have answered), at most N (64)
 *            in flight over N kept-alive connections, all opened before the first call is due, as a client's
 *            connection pool allows (a call due while all are taken waits for one), and prints the calls'
 *            statuses, the rate the service absorbed and the calls' latencies from when each was due.
 *   assign   (the same options) gives SKU back to those users the same way (the warm-up's second half).
 * </pre>
 * Any failure ends the program with a message on stderr and exit status 1, never a hang.
 */
public class PathLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4, daemon -> {
                // daemon threads: a failure in main ends the program instead of leaving the client's threads running
                Thread thread = new Thread(daemon, "path-load-http");
                thread.setDaemon(true);
                return thread;
            }))
            .build();
    /** How many times seeding sends one call answered 503 or 429 before it gives up. */
    private static final int TRIES = 8;
    /** The longest wait between two tries, whatever Retry-After says. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern CREATED = Pattern.compile("\"result\"\\s*:\\s*\"created\"");
    /** Users per directory synchronization batch (directory's limit is 500). */
    private static final int SYNC_BATCH = 250;

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java PathLoad.java seed|unassign|assign --option value ... (see the class comment)");
            System.exit(2);
        }
        try {
            Map<String, String> options = options(args);
            switch (args[0]) {
                case "seed" -> seed(options);
                case "unassign" -> offer(options, removing(options.get("sku")));
                case "assign" -> offer(options, adding(options.get("sku")));
                default -> throw new IllegalArgumentException("seed, unassign or assign, not " + args[0]);
            }
        } catch (Exception e) {
            System.err.println("PathLoad " + args[0] + " failed: " + rootOf(e));
            System.exit(1);
        }
        System.exit(0);
    }

    /** The failure itself, out of the futures' and executors' wrappers. */
    private static String rootOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof TimeoutException ? "timed out" : String.valueOf(cause.getMessage());
    }

    private static void seed(Map<String, String> options) throws Exception {
        String directory = options.get("directory");
        String licensing = options.get("licensing");
        String token = options.get("token");
        String sku = options.get("sku");
        int users = Integer.parseInt(options.get("users"));
        String run = Long.toString(System.currentTimeMillis(), 36);

        HttpResponse<String> bought = sendRetrying(token, "POST", licensing + "/api/v1/subscriptions",
                "{\"skuId\":\"" + sku + "\",\"licenses\":" + users + "}").get();
        if (bought.statusCode() / 100 != 2) {
            throw new IllegalStateException("buying " + users + " licenses: " + bought.statusCode() + " " + bought.body());
        }
        long began = System.nanoTime();
        List<String> ids = new ArrayList<>();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        // completed by the first failure: no new user after it, and the seeding ends at once instead of after the rest
        CompletableFuture<Void> failed = new CompletableFuture<>();
        for (int first = 0; first < users && !failed.isDone(); first += SYNC_BATCH) {
            // a batch's users are assigned their license while the next batch is created
            for (String id : synchronize(directory, options.get("sync-token"), run, first,
                    Math.min(SYNC_BATCH, users - first))) {
                if (failed.isDone()) {
                    break;
                }
                inFlight.acquire();
                ids.add(id);
                all.add(assignOnceKnown(licensing, token, sku, id, System.nanoTime())
                        .whenComplete((done, failure) -> {
                            if (failure != null) {
                                failed.completeExceptionally(failure);
                            }
                            inFlight.release();
                        }));
            }
        }
        CompletableFuture.anyOf(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), failed)
                .get(30, TimeUnit.MINUTES);
        Files.write(Path.of(options.get("out")), ids);
        System.out.printf("seeded %d licensed users in %.1f s%n", ids.size(), (System.nanoTime() - began) / 1e9);
    }

    /**
     * Creates {@code count} users through directory synchronization (one batch, as a sync agent sends them: no
     * password, so no bcrypt hash per user, which made creating them one by one through {@code POST /users} take
     * most of the bench's time), numbered from {@code first}; their object ids in the batch's order.
     */
    private static List<String> synchronize(String directory, String syncToken, String run, int first, int count)
            throws Exception {
        StringBuilder body = new StringBuilder("{\"users\":[");
        for (int i = first; i < first + count; i++) {
            String nickname = "path." + run + "." + i;
            body.append(i == first ? "" : ",").append("{\"operation\":\"upsert\",\"onPremisesImmutableId\":\"")
                    .append(nickname).append("\",\"userPrincipalName\":\"").append(nickname)
                    .append("@contoso.onmicrosoft.com\",\"displayName\":\"Path ").append(run).append(' ').append(i)
                    .append("\",\"accountEnabled\":true,\"usageLocation\":\"US\"}");
        }
        HttpResponse<String> synced = sendRetrying(syncToken, "POST", directory + "/api/v1/directorySync/batches",
                body.append("]}").toString()).get(5, TimeUnit.MINUTES);
        List<String> ids = new ArrayList<>(count);
        Matcher id = ID.matcher(synced.body());
        while (id.find()) {
            ids.add(id.group(1));
        }
        // one result per user, each "created" (an "error" result carries no id)
        if (synced.statusCode() != 200 || ids.size() != count
                || CREATED.matcher(synced.body()).results().count() != count) {
            throw new IllegalStateException("creating users " + first + ".." + (first + count - 1) + ": "
                    + synced.statusCode() + " " + synced.body().substring(0, Math.min(500, synced.body().length())));
        }
        return ids;
    }

    /** Graph's assignLicense body giving the product, every plan on. */
    private static String adding(String sku) {
        return "{\"addLicenses\":[{\"skuId\":\"" + sku + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}";
    }

    /** Graph's assignLicense body taking the product away. */
    private static String removing(String sku) {
        return "{\"addLicenses\":[],\"removeLicenses\":[\"" + sku + "\"]}";
    }

    /** Licensing learns of a new user from Kafka a moment after directory created it: until then it answers 404. */
    private static CompletableFuture<Void> assignOnceKnown(String licensing, String token, String sku, String id,
            long since) {
        return sendRetrying(token, "POST", licensing + "/v1.0/users/" + id + "/assignLicense", adding(sku))
                .thenCompose(answer -> {
                    if (answer.statusCode() == 200) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (answer.statusCode() != 404 || System.nanoTime() - since > TimeUnit.SECONDS.toNanos(120)) {
                        throw new IllegalStateException("assigning to " + id + ": " + answer.statusCode() + " "
                                + answer.body());
                    }
                    return CompletableFuture.runAsync(() -> { },
                                    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                            .thenCompose(waited -> assignOnceKnown(licensing, token, sku, id, since));
                });
    }

    /** Offers assignLicense calls with this body, one per user, open-loop at the rate. */
    private static void offer(Map<String, String> options, String body) throws Exception {
        String licensing = options.get("licensing");
        String token = options.get("token");
        int from = Integer.parseInt(options.get("from"));
        int count = Integer.parseInt(options.get("count"));
        double rate = Double.parseDouble(options.get("rate"));
        List<String> ids = Files.readAllLines(Path.of(options.get("ids"))).subList(from, from + count);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        URI server = URI.create(licensing);
        // the window: one caller per connection; a call due while every caller is busy waits in the pool's queue
        ExecutorService callers = Executors.newFixedThreadPool(connections, daemon -> {
            Thread thread = new Thread(daemon, "path-load-caller");
            thread.setDaemon(true);
            return thread;
        });
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        openConnections(callers, connections, server);
        CountDownLatch answered = new CountDownLatch(count);
        long intervalNanos = (long) (1e9 / rate);
        long began = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = began + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String path = "/v1.0/users/" + ids.get(i) + "/assignLicense";
            callers.execute(() -> {
                int status = post(server, path, token, json);
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                latencies.add(System.nanoTime() - due);
                answered.countDown();
            });
        }
        double offeredSeconds = (System.nanoTime() - began) / 1e9;
        if (!answered.await(10, TimeUnit.MINUTES)) {
            throw new TimeoutException();
        }
        double allAnsweredSeconds = (System.nanoTime() - began) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("offered %d calls in %.1f s (%.0f/s); all answered after %.1f s: absorbed %.0f calls/s%n",
                count, offeredSeconds, count / offeredSeconds, allAnsweredSeconds, count / allAnsweredSeconds);
        System.out.printf("statuses %s; call latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", new TreeMap<>(statuses),
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    /**
     * Before the clock starts: every caller thread started with its connection open, as a client's pool is once it
     * has served a while, then the load's own start-up garbage collected. Otherwise the first calls of a run paid the
     * load's thread and connection set-up, and its first collection (a 41-50 ms pause, 0.23 s into the measured calls
     * at 200/s in README.md's run 16) held the calls due meanwhile and sent them in a burst.
     */
    private static void openConnections(ExecutorService callers, int connections, URI server) throws Exception {
        // each task waits until every one has its connection, so each runs on a thread of its own; a task whose
        // connection fails counts as arrived and ends, so that its failure is reported at once
        CountDownLatch arrived = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> opening = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            opening.add(callers.submit(() -> {
                try {
                    CALLER.get().open(server);
                } finally {
                    arrived.countDown();
                }
                go.await();
                return null;
            }));
        }
        if (!arrived.await(1, TimeUnit.MINUTES)) {
            throw new TimeoutException("the load's " + connections + " connections were not open after a minute");
        }
        go.countDown();
        for (Future<?> open : opening) {
            open.get();
        }
        System.gc();
    }

    /**
     * One measured call, on the calling thread over its own kept-alive connection (one caller thread per connection):
     * its status, or -1 when it failed. A plain HTTP/1.1 exchange over a socket: the request written in one piece, the
     * answer read to its end (Content-Length or chunked) so that the connection serves the next call. The load shares
     * the two cores with what it measures: over {@code HttpURLConnection} it took 1.7-2.2 ms of CPU per call (its
     * keep-alive cache, header maps and stream wrappers), as much as a service's share of the path (README.md, "The
     * load's own CPU").
     */
    private static int post(URI server, String path, String token, byte[] json) {
        Caller caller = CALLER.get();
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + json.length);
        System.arraycopy(json, 0, request, head.length, json.length);
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean reused = caller.socket != null;
            try {
                return caller.exchange(server, request);
            } catch (IOException e) {
                caller.close();
                // a kept-alive connection the server closed meanwhile fails before any answer: once on a new one
                if (!reused || caller.answered) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static final ThreadLocal<Caller> CALLER = ThreadLocal.withInitial(Caller::new);

    /** A caller thread's connection, opened at its first call and kept. */
    private static final class Caller {
        Socket socket;
        InputStream in;
        OutputStream out;
        /** Whether the last exchange had read any of the answer. */
        boolean answered;

        /** Opens this caller's connection, unless it has one. */
        void open(URI server) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(60_000);
                socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
        }

        int exchange(URI server, byte[] request) throws IOException {
            open(server);
            answered = false;
            out.write(request);
            out.flush();
            String statusLine = line();
            answered = true;
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                close = true; // the answer ends with the connection
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (close) {
                close();
            }
            return status;
        }

        /** One header line, without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        /** Reads past {@code bytes} of the body (EOFException if the connection ends first). */
        private void skip(long bytes) throws IOException {
            in.skipNBytes(bytes);
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1)) / 1e6;
    }

    /**
     * Seeding's call: sent again while a service answers 503 or 429 (overloaded), after its Retry-After, at most
     * {@link #TRIES} times; then it fails naming the call. The measured calls of {@code unassign} are never retried.
     */
    private static CompletableFuture<HttpResponse<String>> sendRetrying(String token, String method, String url,
            String body) {
        return sendRetrying(token, method, url, body, 1);
    }

    private static CompletableFuture<HttpResponse<String>> sendRetrying(String token, String method, String url,
            String body, int attempt) {
        return sendAsync(token, method, url, body).thenCompose(answer -> {
            if (answer.statusCode() != 503 && answer.statusCode() != 429) {
                return CompletableFuture.completedFuture(answer);
            }
            if (attempt >= TRIES) {
                throw new IllegalStateException(method + " " + url + " gave up: still " + answer.statusCode()
                        + " after " + TRIES + " tries (the system is overloaded; try again on a quieter machine): "
                        + answer.body());
            }
            Duration wait = retryAfter(answer, attempt);
            return CompletableFuture.runAsync(() -> { },
                            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(waited -> sendRetrying(token, method, url, body, attempt + 1));
        });
    }

    /** Retry-After's delay (seconds or an HTTP date), else 1, 2, 4 ... s by attempt; at most {@link #LONGEST_WAIT}. */
    static Duration retryAfter(HttpResponse<String> answer, int attempt) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
        Optional<String> header = answer.headers().firstValue("Retry-After").map(String::trim);
        if (header.isPresent()) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(header.get()));
            } catch (NumberFormatException notSeconds) {
                try {
                    wait = Duration.between(Instant.now(),
                            ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException neither) {
                    // a header neither form: the backoff by attempt
                }
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(String token, String method, String url,
            String body) {
        return HTTP.sendAsync(request(token, method, url, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String token, String method, String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
