import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fault suite's eyes (deploy/local/faults/run): it seeds the tenant the load works on, watches the system while
 * faults are injected, waits for it to settle, and then checks user by user that every license removal had exactly
 * one effect and that nothing was lost, printing the summary table. Reads the three databases (JDBC) and the
 * broker (kafka-clients) directly: these are the facts the services' APIs summarise.
 *
 * <pre>
 * java -cp PG_JDBC:KAFKA_CLIENTS Faults.java topics  --bootstrap HOST:PORT --partitions N TOPIC...
 * java ... Faults.java seed     --pg-port P --directory URL --licensing URL --tenant GUID --domain NAME --sku GUID
 *                               --users N --out users.txt                  (token: FAULTS_SEED_TOKEN, a Global Administrator)
 * java ... Faults.java monitor  --pg-port P --ready name=URL,... --out monitor.tsv --stop-file FILE
 * java ... Faults.java settle   --pg-port P --tenant GUID --timeout-s S [--purged true] --out settle.properties
 * java ... Faults.java check    --pg-port P --bootstrap HOST:PORT --tenant GUID --sku GUID --mode faults|replicas
 *                               --dir RESULTS --rate N [--recover-s 30] [--not-ready-slack-s 5]
 * </pre>
 */
public class Faults {

    static final String LICENSE_TOPIC = "licensing.license-events";
    static final String USER_TOPIC = "directory.user-events";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Faults.java topics|seed|monitor|settle|check --name value ...");
            System.exit(2);
        }
        Arguments a = Arguments.parse(args, 1);
        switch (args[0]) {
            case "topics" -> topics(a, List.of(args).subList(1, args.length));
            case "seed" -> new Seed(a).run();
            case "monitor" -> new Monitor(a).run();
            case "settle" -> System.exit(new Settle(a).run() ? 0 : 3);
            case "check" -> System.exit(new Check(a).run() ? 0 : 1);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // --- topics ---------------------------------------------------------------------------------------------------

    /** Creates the event topics with as many partitions as Kubernetes has (deploy/k8s/base/kafka-topics.yaml). */
    static void topics(Arguments a, List<String> rest) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).startsWith("--")) {
                i++;
            } else {
                names.add(rest.get(i));
            }
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("bootstrap"));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> wanted = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, Integer.parseInt(a.get("partitions")), (short) 1)).toList();
            admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
            System.out.println("topics: created " + wanted.stream().map(NewTopic::name).toList() + " with "
                    + a.get("partitions") + " partitions");
        }
    }

    // --- databases --------------------------------------------------------------------------------------------------

    static Connection connect(Arguments a, String database) throws SQLException {
        Properties p = new Properties();
        p.put("user", "postgres");
        p.put("connectTimeout", "3");
        p.put("socketTimeout", "10");
        p.put("ApplicationName", "fault-suite");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + a.get("pg-port") + "/" + database, p);
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        return query(c, sql, rs -> {
            rs.next();
            return rs.getLong(1);
        }, params);
    }

    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> T query(Connection c, String sql, Rows<T> rows, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rows.read(rs);
            }
        }
    }

    /** {@code processed_event} rows of the consumers whose name mentions the topic (a retry consumer counts too). */
    static String consumerOf(String topic) {
        return topic.equals(LICENSE_TOPIC) ? "%license-events%" : "%user-events%";
    }

    // --- seed -----------------------------------------------------------------------------------------------------

    /**
     * A tenant of {@code --users} users each holding one {@code --sku} license, and their mailboxes ACTIVE. The
     * first user is created through Graph ({@code POST /v1.0/users}); the others are copies of it in directory's
     * database, each with its own UserCreated row in directory's outbox, so that licensing and lifecycle learn of
     * them through Kafka as of any user (creating each through the API would cost a bcrypt hash, ~0.1 s of CPU, per
     * user). The licenses are bought and assigned through the APIs, each user as soon as licensing knows it.
     */
    static final class Seed {
        final Arguments a;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final String token = System.getenv("FAULTS_SEED_TOKEN");
        final UUID tenant;
        final int users;

        Seed(Arguments a) {
            this.a = a;
            this.tenant = UUID.fromString(a.get("tenant"));
            this.users = Integer.parseInt(a.get("users"));
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("FAULTS_SEED_TOKEN is not set");
            }
        }

        void run() throws Exception {
            long began = System.nanoTime();
            String domain = a.get("domain");
            HttpResponse<String> tenantAnswer = call("POST", a.get("directory") + "/api/v1/tenants",
                    "{\"displayName\":\"Fault suite\",\"domainName\":\"" + domain + "\"}");
            require(tenantAnswer.statusCode() == 201 || tenantAnswer.statusCode() == 409, "register the tenant", tenantAnswer);
            HttpResponse<String> bought = call("POST", a.get("licensing") + "/api/v1/subscriptions",
                    "{\"skuId\":\"" + a.get("sku") + "\",\"licenses\":" + users + "}");
            require(bought.statusCode() / 100 == 2, "buy " + users + " licenses", bought);
            String upnDomain = domain + ".onmicrosoft.com";
            HttpResponse<String> created = call("POST", a.get("directory") + "/v1.0/users", """
                    {"accountEnabled":true,"displayName":"Fault user 0","mailNickname":"fault.0",
                     "userPrincipalName":"fault.0@%s","usageLocation":"US",
                     "passwordProfile":{"forceChangePasswordNextSignIn":true,"password":"Fault-Suite-2026!"}}"""
                    .formatted(upnDomain));
            require(created.statusCode() == 201, "create the first user", created);
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
            require(id.find(), "read the first user's id", created);
            UUID template = UUID.fromString(id.group(1));
            List<UUID> ids = new ArrayList<>();
            ids.add(template);
            try (Connection directory = connect(a, "directory")) {
                ids.addAll(cloneUsers(directory, template, users - 1));
            }
            System.out.printf("seed: %d users in directory (%.0f s)%n", ids.size(), seconds(began));
            assignAll(ids);
            System.out.printf("seed: %s assigned to each (%.0f s)%n", a.get("sku"), seconds(began));
            try (Connection lifecycle = connect(a, "lifecycle")) {
                await("lifecycle has " + users + " active mailboxes", 300, () -> count(lifecycle,
                        "SELECT count(*) FROM mailbox WHERE tenant_id = ? AND state = 'ACTIVE'", tenant) >= users);
            }
            List<UUID> order = new ArrayList<>(ids);
            Collections.shuffle(order, new Random(12));
            Files.write(Path.of(a.get("out")), order.stream().map(UUID::toString).toList());
            System.out.printf("seed: %d users with an active mailbox, ready (%.0f s)%n", users, seconds(began));
        }

        List<UUID> cloneUsers(Connection c, UUID template, int copies) throws SQLException {
            if (copies <= 0) {
                return List.of();
            }
            c.setAutoCommit(false);
            List<UUID> ids = query(c, """
                    WITH made AS (
                        INSERT INTO users (id, tenant_id, user_principal_name, display_name, mail_nickname, usage_location,
                                           account_enabled, password_hash, force_change_password_next_sign_in, created_at)
                        SELECT gen_random_uuid(), t.tenant_id, 'fault.' || i || '@' || split_part(t.user_principal_name, '@', 2),
                               'Fault user ' || i, 'fault.' || i, t.usage_location, t.account_enabled, t.password_hash,
                               t.force_change_password_next_sign_in, t.created_at
                        FROM users t, generate_series(1, ?) AS i WHERE t.id = ?
                        RETURNING id, user_principal_name, display_name, mail_nickname
                    ), announced AS (
                        INSERT INTO outbox_event (id, topic, event_key, ce_type, ce_source, occurred_at, payload)
                        SELECT gen_random_uuid(), o.topic, m.id::text, o.ce_type, o.ce_source, now(),
                               (o.payload::jsonb || jsonb_build_object('userId', m.id, 'userPrincipalName', m.user_principal_name,
                                   'displayName', m.display_name, 'mailNickname', m.mail_nickname))::text
                        FROM made m, outbox_event o WHERE o.event_key = ?::text AND o.ce_type LIKE '%.UserCreated.%'
                        RETURNING 1
                    )
                    SELECT id FROM made""", rs -> {
                List<UUID> made = new ArrayList<>();
                while (rs.next()) {
                    made.add(rs.getObject(1, UUID.class));
                }
                return made;
            }, copies, template, template.toString());
            long announced = count(c, "SELECT count(*) FROM outbox_event WHERE ce_type LIKE '%.UserCreated.%'");
            if (announced < copies + 1) {
                c.rollback();
                throw new IllegalStateException("the first user's UserCreated row was not found in directory's outbox");
            }
            c.commit();
            return ids;
        }

        void assignAll(List<UUID> ids) throws Exception {
            String body = "{\"addLicenses\":[{\"skuId\":\"" + a.get("sku") + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}";
            Semaphore parallel = new Semaphore(16);
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            for (UUID user : ids) {
                parallel.acquire();
                calls.add(CompletableFuture.runAsync(() -> {
                    try {
                        // licensing learns of the user from Kafka: 404 until then
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                        for (int attempt = 1; ; attempt++) {
                            HttpResponse<String> answer = call("POST",
                                    a.get("licensing") + "/v1.0/users/" + user + "/assignLicense", body);
                            if (answer.statusCode() == 200) {
                                return;
                            }
                            if ((answer.statusCode() != 404 && attempt >= 5) || System.nanoTime() > deadline) {
                                failures.add(user + ": HTTP " + answer.statusCode() + " " + answer.body());
                                return;
                            }
                            Thread.sleep(1000);
                        }
                    } catch (Exception e) {
                        failures.add(user + ": " + e);
                    } finally {
                        parallel.release();
                    }
                }));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " assignments failed, e.g. " + failures.get(0));
            }
        }

        HttpResponse<String> call(String method, String url, String body) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        static void require(boolean ok, String what, HttpResponse<String> answer) {
            if (!ok) {
                throw new IllegalStateException("seed: could not " + what + ": HTTP " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(400, answer.body().length())));
            }
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, int seconds, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(500);
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    // --- monitor ----------------------------------------------------------------------------------------------------

    /**
     * Once a second, until the stop file appears: each instance's readiness (HTTP status, 0 when it does not
     * answer), licensing's license events written and not yet published, and lifecycle's events applied. One line
     * per sample; a database that does not answer shows as -1.
     */
    static final class Monitor {
        final Arguments a;
        final Map<String, URI> ready = new LinkedHashMap<>();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(800)).build();
        final Map<String, Connection> connections = new HashMap<>();

        Monitor(Arguments a) {
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
                                    HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(900)).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .thenApply(HttpResponse::statusCode).exceptionally(failure -> 0)));
                    long[] licensing = sample("licensing", """
                            SELECT count(*) FILTER (WHERE sent_at IS NULL), count(*) FROM outbox_event WHERE topic = ?""",
                            LICENSE_TOPIC);
                    long[] lifecycle = sample("lifecycle",
                            "SELECT count(*), 0 FROM processed_event WHERE consumer LIKE ?", consumerOf(LICENSE_TOPIC));
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

        long[] sample(String database, String sql, Object... params) {
            try {
                Connection c = connections.get(database);
                if (c == null) {
                    c = connect(a, database);
                    connections.put(database, c);
                }
                return query(c, sql, rs -> {
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

    // --- settle -------------------------------------------------------------------------------------------------------

    /**
     * Waits until every outbox row is published and every published event applied by each of its consumers (and,
     * with {@code --purged true}, no mailbox is left disconnected), or until the timeout, or until nothing has
     * moved for {@code --stuck-s}. Writes what it found to {@code --out}.
     */
    static final class Settle {
        final Arguments a;

        Settle(Arguments a) {
            this.a = a;
        }

        boolean run() throws Exception {
            long began = System.nanoTime();
            int timeout = Integer.parseInt(a.get("timeout-s"));
            int stuckAfter = Integer.parseInt(a.getOr("stuck-s", "90"));
            boolean purged = Boolean.parseBoolean(a.getOr("purged", "false"));
            UUID tenant = UUID.fromString(a.get("tenant"));
            String remaining = "";
            String last = null;
            long lastChange = System.nanoTime();
            while (true) {
                try (Connection directory = connect(a, "directory"); Connection licensing = connect(a, "licensing");
                        Connection lifecycle = connect(a, "lifecycle")) {
                    Map<String, Long> left = new LinkedHashMap<>();
                    long userEvents = count(directory, "SELECT count(*) FROM outbox_event WHERE topic = ?", USER_TOPIC);
                    long licenseEvents = count(licensing, "SELECT count(*) FROM outbox_event WHERE topic = ?", LICENSE_TOPIC);
                    left.put("directory outbox unpublished", count(directory, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL"));
                    left.put("licensing outbox unpublished", count(licensing, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL"));
                    left.put("user events not applied by licensing", userEvents - count(licensing,
                            "SELECT count(DISTINCT event_id) FROM processed_event WHERE consumer LIKE ?", consumerOf(USER_TOPIC)));
                    left.put("user events not applied by lifecycle", userEvents - count(lifecycle,
                            "SELECT count(DISTINCT event_id) FROM processed_event WHERE consumer LIKE ?", consumerOf(USER_TOPIC)));
                    left.put("license events not applied by lifecycle", licenseEvents - count(lifecycle,
                            "SELECT count(DISTINCT event_id) FROM processed_event WHERE consumer LIKE ?", consumerOf(LICENSE_TOPIC)));
                    if (purged) {
                        left.put("mailboxes disconnected, not purged yet", count(lifecycle,
                                "SELECT count(*) FROM mailbox WHERE tenant_id = ? AND state = 'DISCONNECTED'", tenant));
                    }
                    left.values().removeIf(n -> n <= 0);
                    remaining = left.toString();
                } catch (SQLException e) {
                    remaining = "databases not answering: " + e.getMessage();
                }
                if (!remaining.equals(last)) {
                    last = remaining;
                    lastChange = System.nanoTime();
                }
                boolean settled = remaining.equals("{}");
                boolean stuck = seconds(lastChange) > stuckAfter;
                if (settled || stuck || seconds(began) > timeout) {
                    String verdict = settled ? "settled" : stuck ? "stuck" : "timeout";
                    Files.writeString(Path.of(a.get("out")), "verdict=" + verdict + "\nseconds="
                            + Math.round(seconds(began)) + "\nremaining=" + remaining + "\n");
                    System.out.printf("settle: %s after %.0f s%s%n", verdict, seconds(began),
                            settled ? "" : "; still " + remaining);
                    return settled;
                }
                Thread.sleep(1000);
            }
        }
    }

    // --- check --------------------------------------------------------------------------------------------------------

    /** One load call, as UnassignLoad wrote it. */
    record Call(String user, long sentAt, long latency, int status, String detail) {

        boolean notSent() {
            return detail.startsWith("not-sent");
        }

        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    /** A phase of the run: from its fault (or start) to the next phase; restoredAt when the faulted part was back. */
    record Phase(String name, long start, long end, Long restoredAt) {
    }

    /** What the check found: invariants (a failed one fails the run) and figures. */
    static final class Findings {
        final Map<String, Long> failures = new LinkedHashMap<>();
        final Map<String, List<String>> examples = new LinkedHashMap<>();
        final List<String> lines = new ArrayList<>();
        /** The headline figures, printed first under "Figures". */
        final Map<String, String> figures = new LinkedHashMap<>();
        long lost;
        long duplicateEffects;

        void fail(String invariant, String example) {
            failures.merge(invariant, 1L, Long::sum);
            List<String> some = examples.computeIfAbsent(invariant, k -> new ArrayList<>());
            if (some.size() < 3) {
                some.add(example);
            }
        }

        void invariant(String name) {
            failures.putIfAbsent(name, 0L);
        }
    }

    static final class Check {
        final Arguments a;
        final Path dir;
        final UUID tenant;
        final String sku;
        final boolean replicas;
        final Findings found = new Findings();

        Check(Arguments a) {
            this.a = a;
            this.dir = Path.of(a.get("dir"));
            this.tenant = UUID.fromString(a.get("tenant"));
            this.sku = a.get("sku");
            this.replicas = a.get("mode").equals("replicas");
        }

        boolean run() throws Exception {
            List<String> users = Files.readAllLines(dir.resolve("users.txt")).stream().filter(s -> !s.isBlank()).toList();
            Map<String, Call> calls = readCalls();
            List<Phase> phases = readPhases();
            List<long[]> samples = new ArrayList<>();
            List<String> monitorColumns = readMonitor(samples);
            Properties settle = new Properties();
            try (var in = Files.newBufferedReader(dir.resolve("settle.properties"))) {
                settle.load(in);
            }

            StringBuilder report = new StringBuilder();
            phaseTable(report, phases, calls, samples, monitorColumns);
            userChecks(users, calls);
            eventChecks();
            kafkaChecks();
            seatChecks(users.size());
            found.invariant("the system settled after the load (every event published and applied)");
            if (!"settled".equals(settle.getProperty("verdict"))) {
                found.fail("the system settled after the load (every event published and applied)",
                        settle.getProperty("verdict") + " after " + settle.getProperty("seconds") + " s: "
                                + settle.getProperty("remaining"));
            }

            report.append("\nFigures:\n");
            found.figures.put("events lost", found.lost + " (outbox rows unpublished + published events not applied"
                    + " by a consumer + dead letters)");
            found.figures.put("duplicate effects", found.duplicateEffects + " (an event applied twice, a second"
                    + " removal event or LICENSE_REMOVED entry for a user" + (replicas ? ", a mailbox purged twice)" : ")"));
            found.figures.put("settled after the load", settle.getProperty("seconds") + " s ("
                    + settle.getProperty("verdict") + ")");
            found.figures.forEach((name, value) -> report.append(String.format("  %-24s %s%n", name, value)));
            report.append("\nDetails:\n");
            for (String line : found.lines) {
                report.append(line).append('\n');
            }
            report.append("\nInvariants:\n");
            boolean ok = true;
            for (Map.Entry<String, Long> failure : found.failures.entrySet()) {
                boolean held = failure.getValue() == 0;
                ok &= held;
                report.append(String.format("  %-4s %s%s%n", held ? "ok" : "FAIL", failure.getKey(),
                        held ? "" : " — " + failure.getValue() + " violation(s), e.g. "
                                + String.join("; ", found.examples.get(failure.getKey()))));
            }
            report.append(ok ? "\nAll invariants held.\n" : "\nSome invariants FAILED (see above).\n");
            System.out.print(report);
            Files.writeString(dir.resolve("summary.txt"), report.toString());
            return ok;
        }

        Map<String, Call> readCalls() throws IOException {
            Map<String, Call> calls = new HashMap<>();
            List<String> lines = Files.readAllLines(dir.resolve("requests.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                calls.put(f[1], new Call(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4]),
                        f.length > 7 ? f[7] : ""));
            }
            return calls;
        }

        List<Phase> readPhases() throws IOException {
            List<String[]> marks = Files.readAllLines(dir.resolve("phases.tsv")).stream().filter(l -> !l.isBlank())
                    .map(l -> l.split("\t")).toList();
            List<Phase> phases = new ArrayList<>();
            long end = marks.stream().filter(m -> m[2].equals("end")).mapToLong(m -> Long.parseLong(m[0])).max()
                    .orElse(Long.MAX_VALUE);
            List<String[]> starts = marks.stream().filter(m -> m[2].equals("start")).toList();
            for (int i = 0; i < starts.size(); i++) {
                String name = starts.get(i)[1];
                long from = Long.parseLong(starts.get(i)[0]);
                long to = i + 1 < starts.size() ? Long.parseLong(starts.get(i + 1)[0]) : end;
                Long restored = marks.stream().filter(m -> m[1].equals(name) && m[2].equals("restored"))
                        .map(m -> Long.parseLong(m[0])).findFirst().orElse(null);
                phases.add(new Phase(name, from, to, restored));
            }
            return phases;
        }

        List<String> readMonitor(List<long[]> samples) throws IOException {
            List<String> lines = Files.readAllLines(dir.resolve("monitor.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                long[] values = new long[f.length];
                for (int i = 0; i < f.length; i++) {
                    values[i] = Long.parseLong(f[i]);
                }
                samples.add(values);
            }
            return List.of(lines.get(0).split("\t"));
        }

        void phaseTable(StringBuilder report, List<Phase> phases, Map<String, Call> calls, List<long[]> samples,
                List<String> columns) {
            int recoverSlack = Integer.parseInt(a.getOr("recover-s", "30"));
            int notReadySlack = Integer.parseInt(a.getOr("not-ready-slack-s", "5"));
            double rate = Double.parseDouble(a.get("rate"));
            long lagThreshold = Long.parseLong(a.getOr("lag-threshold", String.valueOf(Math.max(10, Math.round(rate * 2)))));
            String caughtUp = "lifecycle applies license events again (lag under " + lagThreshold + ") within "
                    + recoverSlack + " s of the faulted part being back";
            int writtenColumn = columns.indexOf("licensingWritten");
            int appliedColumn = columns.indexOf("lifecycleApplied");
            int unsentColumn = columns.indexOf("licensingUnsent");
            List<Integer> readyColumns = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).startsWith("ready:")) {
                    readyColumns.add(i);
                }
            }
            String header = String.format("%-30s %5s %6s %6s %5s %5s %6s %8s %9s %8s %8s %7s %9s",
                    "phase", "dur s", "calls", "2xx", "4xx", "5xx", "no ans", "p99 ms", "restored", "API back",
                    "notready", "max lag", "lag back");
            report.append(header).append('\n');
            report.append(String.format("%-30s %5s %6s %6s %5s %5s %6s %8s %9s %8s %8s %7s %9s%n", "", "", "", "",
                    "", "", "", "", "after s", "after s", "s", "events", "after s"));
            found.invariant("no 5xx answer outside the PostgreSQL restart");
            found.invariant("every instance that answers stays ready (but while PostgreSQL restarts), "
                    + notReadySlack + " s slack per phase");
            found.invariant("the API answers 2xx again within " + recoverSlack + " s of the faulted part being back");
            found.invariant(caughtUp);
            long[] totals = new long[5];
            Map<String, Long> errors = new TreeMap<>();
            for (Phase phase : phases) {
                List<Call> in = calls.values().stream()
                        .filter(c -> c.sentAt() >= phase.start() && c.sentAt() < phase.end()).toList();
                long ok = in.stream().filter(Call::acknowledged).count();
                long c4 = in.stream().filter(c -> c.status() / 100 == 4).count();
                long c5 = in.stream().filter(c -> c.status() / 100 == 5).count();
                long none = in.stream().filter(c -> c.status() == 0).count();
                totals[0] += in.size();
                totals[1] += ok;
                totals[2] += c4;
                totals[3] += c5;
                totals[4] += none;
                in.stream().filter(c -> !c.acknowledged())
                        .forEach(c -> errors.merge(phase.name() + " | " + (c.status() == 0 ? "" : c.status() + " ")
                                + c.detail().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"), 1L, Long::sum));
                List<Long> latencies = in.stream().filter(c -> c.status() != 0).map(Call::latency).sorted().toList();
                String p99 = latencies.isEmpty() ? "-"
                        : String.valueOf(latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(latencies.size() * 0.99) - 1)));
                boolean pgPhase = phase.name().startsWith("postgres");
                OptionalLong lastFailure = lastSent(in, c -> !c.acknowledged());
                String apiBack = "-";
                if (lastFailure.isPresent()) {
                    OptionalLong back = firstSent(in, c -> c.acknowledged() && c.sentAt() > lastFailure.getAsLong());
                    apiBack = back.isPresent() ? secondsBetween(phase.start(), back.getAsLong()) : "never";
                    long restored = phase.restoredAt() != null ? phase.restoredAt() : phase.start();
                    if (back.isEmpty() || back.getAsLong() - restored > recoverSlack * 1000L) {
                        found.fail("the API answers 2xx again within " + recoverSlack + " s of the faulted part being back",
                                phase.name() + ": API back after " + apiBack + " s, restored after "
                                        + (phase.restoredAt() == null ? "-" : secondsBetween(phase.start(), phase.restoredAt())) + " s");
                    }
                }
                if (c5 > 0 && !pgPhase) {
                    found.fail("no 5xx answer outside the PostgreSQL restart", phase.name() + ": " + c5 + " x 5xx");
                } else if (c5 > 0) {
                    long outageEnd = (phase.restoredAt() != null ? phase.restoredAt() : phase.start()) + recoverSlack * 1000L;
                    long late = in.stream().filter(c -> c.status() / 100 == 5 && c.sentAt() > outageEnd).count();
                    if (late > 0) {
                        found.fail("no 5xx answer outside the PostgreSQL restart",
                                phase.name() + ": " + late + " x 5xx more than " + recoverSlack + " s after PostgreSQL was back");
                    }
                }
                List<long[]> window = samples.stream().filter(s -> s[0] >= phase.start() && s[0] < phase.end()).toList();
                long notReady = 0;
                for (int column : readyColumns) {
                    long n = window.stream().filter(s -> s[column] != 0 && s[column] != 200).count();
                    notReady += n;
                    if (!pgPhase && n > notReadySlack) {
                        found.fail("every instance that answers stays ready (but while PostgreSQL restarts), "
                                + notReadySlack + " s slack per phase", phase.name() + ": " + columns.get(column).substring(6)
                                + " answered not ready for " + n + " s");
                    }
                }
                long maxLag = -1;
                long maxLagAt = phase.start();
                for (long[] s : window) {
                    if (s[writtenColumn] >= 0 && s[appliedColumn] >= 0 && s[writtenColumn] - s[appliedColumn] > maxLag) {
                        maxLag = s[writtenColumn] - s[appliedColumn];
                        maxLagAt = s[0];
                    }
                }
                String lagBack = "-";
                if (maxLag > lagThreshold) {
                    long from = maxLagAt;
                    OptionalLong back = samples.stream().filter(s -> s[0] > from && s[writtenColumn] >= 0
                                    && s[appliedColumn] >= 0 && s[writtenColumn] - s[appliedColumn] <= lagThreshold)
                            .mapToLong(s -> s[0]).findFirst();
                    lagBack = back.isPresent() ? secondsBetween(phase.start(), back.getAsLong()) : "never";
                    long restored = phase.restoredAt() != null ? phase.restoredAt() : phase.start();
                    if (back.isEmpty() || back.getAsLong() - restored > recoverSlack * 1000L) {
                        found.fail(caughtUp, phase.name() + ": lag " + maxLag + ", back under " + lagThreshold
                                + " after " + lagBack + " s, the faulted part back after "
                                + (phase.restoredAt() == null ? "-" : secondsBetween(phase.start(), phase.restoredAt())) + " s");
                    }
                }
                report.append(String.format("%-30s %5s %6d %6d %5d %5d %6d %8s %9s %8s %8d %7s %9s%n", phase.name(),
                        secondsBetween(phase.start(), phase.end()), in.size(), ok, c4, c5, none, p99,
                        phase.restoredAt() == null ? "-" : secondsBetween(phase.start(), phase.restoredAt()), apiBack,
                        notReady, maxLag < 0 ? "?" : String.valueOf(maxLag), lagBack));
            }
            report.append(String.format("%-30s %5s %6d %6d %5d %5d %6d%n", "total", "", totals[0], totals[1], totals[2],
                    totals[3], totals[4]));
            found.figures.put("calls", String.format("%d: 2xx %d, 4xx %d, 5xx %d, no answer %d", totals[0], totals[1],
                    totals[2], totals[3], totals[4]));
            long notSent = calls.values().stream().filter(Call::notSent).count();
            report.append(String.format("(lag: license events written by licensing minus applied by lifecycle, back"
                    + " under %d; not ready: instance-seconds answering but not ready; %d calls not sent by the driver)%n",
                    lagThreshold, notSent));
            if (!errors.isEmpty()) {
                report.append("\nAnswers other than 2xx, by phase:\n");
                errors.forEach((what, n) -> report.append(String.format("  %6d  %s%n", n, what)));
            }
            long unused = samples.isEmpty() ? 0 : samples.stream().filter(s -> s[unsentColumn] > 0).count();
            found.lines.add(String.format("monitor: %d samples, %d of them with licensing events waiting in the outbox",
                    samples.size(), unused));
        }

        static OptionalLong lastSent(List<Call> calls, Predicate<Call> which) {
            return calls.stream().filter(which).mapToLong(Call::sentAt).max();
        }

        static OptionalLong firstSent(List<Call> calls, Predicate<Call> which) {
            return calls.stream().filter(which).mapToLong(Call::sentAt).min();
        }

        static String secondsBetween(long from, long to) {
            return String.format("%.1f", (to - from) / 1000.0);
        }

        // per user ------------------------------------------------------------------------------------------------

        /** A license event of licensing's outbox. */
        record OutboxEvent(UUID id, String key, String type, boolean sent) {
        }

        void userChecks(List<String> users, Map<String, Call> calls) throws SQLException {
            Set<String> held;
            Map<String, List<OutboxEvent>> removals = new HashMap<>();
            Map<String, String> mailbox = new HashMap<>();
            Map<String, Map<String, Long>> timeline = new HashMap<>();
            Set<UUID> applied;
            try (Connection licensing = connect(a, "licensing")) {
                held = query(licensing, "SELECT user_id::text FROM license_assignment WHERE tenant_id = ? AND sku_id = ?::uuid",
                        Check::strings, tenant, sku);
                for (OutboxEvent e : outbox(licensing, LICENSE_TOPIC)) {
                    if (e.type().contains(".LicenseRemoved.")) {
                        removals.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
                    }
                }
            }
            try (Connection lifecycle = connect(a, "lifecycle")) {
                query(lifecycle, "SELECT user_id::text, state FROM mailbox WHERE tenant_id = ?", rs -> {
                    while (rs.next()) {
                        mailbox.put(rs.getString(1), rs.getString(2));
                    }
                    return null;
                }, tenant);
                query(lifecycle, "SELECT user_id::text, event, count(*) FROM timeline_entry WHERE tenant_id = ? GROUP BY 1, 2", rs -> {
                    while (rs.next()) {
                        timeline.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                    return null;
                }, tenant);
                applied = new HashSet<>(query(lifecycle, "SELECT event_id FROM processed_event WHERE consumer LIKE ?",
                        Check::uuids, consumerOf(LICENSE_TOPIC)));
            }
            String acked = "every acknowledged removal (2xx) took the license away";
            String refused = "a refused call (4xx) changed nothing";
            String oneEvent = "a license gone has exactly one LicenseRemoved in licensing's outbox, published";
            String appliedOnce = "every LicenseRemoved published was applied by lifecycle";
            String effect = "a license gone left its mailbox " + (replicas ? "DISCONNECTED or PURGED" : "DISCONNECTED")
                    + " with one LICENSE_REMOVED entry in its timeline";
            String phantom = "a license still held has no removal event, an ACTIVE mailbox and no LICENSE_REMOVED entry";
            String purgedOnce = "every purged mailbox was purged once (one MAILBOX_PURGED entry)";
            for (String name : List.of(acked, refused, oneEvent, appliedOnce, effect, phantom)) {
                found.invariant(name);
            }
            if (replicas) {
                found.invariant(purgedOnce);
            }
            Map<String, Long> outcomes = new TreeMap<>();
            long removedWithoutAck = 0;
            long removed = 0;
            for (String user : users) {
                Call call = calls.get(user);
                String outcome = call == null || call.notSent() ? "not sent" : call.acknowledged() ? "2xx"
                        : call.status() == 0 ? "no answer" : call.status() / 100 + "xx";
                outcomes.merge(outcome, 1L, Long::sum);
                boolean gone = !held.contains(user);
                List<OutboxEvent> events = removals.getOrDefault(user, List.of());
                String state = mailbox.getOrDefault(user, "none");
                Map<String, Long> entries = timeline.getOrDefault(user, Map.of());
                long removedEntries = entries.getOrDefault("LICENSE_REMOVED", 0L);
                if (gone) {
                    removed++;
                }
                if (call != null && call.acknowledged() && !gone) {
                    found.fail(acked, user + " still holds the license");
                }
                if (call != null && call.status() / 100 == 4 && gone) {
                    found.fail(refused, user + " lost the license after " + call.status());
                }
                if (gone && !outcome.equals("2xx")) {
                    removedWithoutAck++;
                }
                if (gone) {
                    if (events.size() > 1) {
                        found.duplicateEffects += events.size() - 1;
                    }
                    if (removedEntries > 1) {
                        found.duplicateEffects += removedEntries - 1;
                    }
                    if (events.size() != 1 || !events.get(0).sent()) {
                        found.fail(oneEvent, user + ": " + events.size() + " events"
                                + (events.stream().anyMatch(e -> !e.sent()) ? ", unpublished" : ""));
                    }
                    for (OutboxEvent e : events) {
                        if (e.sent() && !applied.contains(e.id())) {
                            found.fail(appliedOnce, user + ": event " + e.id() + " not applied");
                        }
                    }
                    boolean stateOk = state.equals("DISCONNECTED") || (replicas && state.equals("PURGED"));
                    if (!stateOk || removedEntries != 1) {
                        found.fail(effect, user + ": mailbox " + state + ", " + removedEntries + " LICENSE_REMOVED entries");
                    }
                } else if (!events.isEmpty() || !state.equals("ACTIVE") || removedEntries != 0) {
                    found.fail(phantom, user + ": " + events.size() + " removal events, mailbox " + state + ", "
                            + removedEntries + " LICENSE_REMOVED entries");
                }
                if (replicas && entries.getOrDefault("MAILBOX_PURGED", 0L) > 1) {
                    found.duplicateEffects += entries.get("MAILBOX_PURGED") - 1;
                    found.fail(purgedOnce, user + ": " + entries.get("MAILBOX_PURGED") + " MAILBOX_PURGED entries");
                }
            }
            found.lines.add("users: " + users.size() + ", by the outcome of their call " + outcomes);
            found.figures.put("licenses removed", removed + " (" + removedWithoutAck + " of them without a 2xx: the call"
                    + " failed or timed out after the commit)");
            if (replicas) {
                long purged = mailbox.values().stream().filter("PURGED"::equals).count();
                long disconnected = mailbox.values().stream().filter("DISCONNECTED"::equals).count();
                found.lines.add("mailboxes: " + purged + " purged, " + disconnected + " still disconnected, "
                        + mailbox.values().stream().filter("ACTIVE"::equals).count() + " active");
            }
        }

        void eventChecks() throws SQLException {
            String published = "every outbox row was published (none left unsent)";
            String allApplied = "every published event was applied by each of its consumers";
            String once = "no event was applied twice by a consumer";
            for (String name : List.of(published, allApplied, once)) {
                found.invariant(name);
            }
            try (Connection directory = connect(a, "directory"); Connection licensing = connect(a, "licensing");
                    Connection lifecycle = connect(a, "lifecycle")) {
                List<OutboxEvent> userEvents = outbox(directory, USER_TOPIC);
                List<OutboxEvent> licenseEvents = outbox(licensing, LICENSE_TOPIC);
                Map<String, List<OutboxEvent>> byConsumer = new LinkedHashMap<>();
                byConsumer.put("licensing <- " + USER_TOPIC, userEvents);
                byConsumer.put("lifecycle <- " + USER_TOPIC, userEvents);
                byConsumer.put("lifecycle <- " + LICENSE_TOPIC, licenseEvents);
                StringBuilder line = new StringBuilder("events: ");
                for (Map.Entry<String, List<OutboxEvent>> entry : byConsumer.entrySet()) {
                    Connection db = entry.getKey().startsWith("licensing") ? licensing : lifecycle;
                    String topic = entry.getKey().substring(entry.getKey().indexOf("<- ") + 3);
                    Map<UUID, Long> processed = query(db, """
                            SELECT event_id, count(*) FROM processed_event WHERE consumer LIKE ? GROUP BY event_id""", rs -> {
                        Map<UUID, Long> m = new HashMap<>();
                        while (rs.next()) {
                            m.put(rs.getObject(1, UUID.class), rs.getLong(2));
                        }
                        return m;
                    }, consumerOf(topic));
                    long unsent = 0;
                    long notApplied = 0;
                    for (OutboxEvent e : entry.getValue()) {
                        if (!e.sent()) {
                            unsent++;
                        } else if (!processed.containsKey(e.id())) {
                            notApplied++;
                            found.lost++;
                            found.fail(allApplied, entry.getKey() + ": " + e.type().replaceAll(".*\\.(\\w+)\\.v\\d+", "$1")
                                    + " " + e.id());
                        }
                    }
                    processed.forEach((id, n) -> {
                        if (n > 1) {
                            found.duplicateEffects += n - 1;
                            found.fail(once, entry.getKey() + ": " + id + " applied " + n + " times");
                        }
                    });
                    line.append(String.format("%s: %d written, %d unpublished, %d applied, %d not applied; ", entry.getKey(),
                            entry.getValue().size(), unsent, processed.size(), notApplied));
                }
                for (OutboxEvent e : userEvents) {
                    if (!e.sent()) {
                        found.lost++;
                        found.fail(published, "directory " + e.id());
                    }
                }
                for (OutboxEvent e : licenseEvents) {
                    if (!e.sent()) {
                        found.lost++;
                        found.fail(published, "licensing " + e.id());
                    }
                }
                found.lines.add(line.toString());
            }
        }

        void kafkaChecks() {
            String noDeadLetters = "no event went to a dead-letter topic";
            found.invariant(noDeadLetters);
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("bootstrap"));
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(30));
                StringBuilder line = new StringBuilder("broker: ");
                List<String> duplicates = new ArrayList<>();
                for (String topic : List.of(USER_TOPIC, LICENSE_TOPIC)) {
                    Map<UUID, Integer> copies = read(consumer, topics.getOrDefault(topic, List.of()));
                    long records = copies.values().stream().mapToLong(Integer::longValue).sum();
                    long duplicated = copies.values().stream().filter(n -> n > 1).count();
                    line.append(String.format("%s: %d records, %d distinct ce_id, %d ce_id published more than once"
                            + " (redeliveries, harmless when applied once); ", topic, records, copies.size(), duplicated));
                    duplicates.add(duplicated + " on " + topic);
                }
                for (Map.Entry<String, List<PartitionInfo>> topic : new TreeMap<>(topics).entrySet()) {
                    if (topic.getKey().endsWith(".dlq")) {
                        long dead = read(consumer, topic.getValue()).values().stream().mapToLong(Integer::longValue).sum();
                        line.append(topic.getKey()).append(": ").append(dead).append(" records; ");
                        if (dead > 0) {
                            found.lost += dead;
                            found.fail(noDeadLetters, topic.getKey() + ": " + dead + " records");
                        }
                    }
                }
                found.lines.add(line.toString());
                found.figures.put("published twice", String.join(", ", duplicates)
                        + " (ce_id on the broker more than once: harmless when applied once)");
            }
        }

        /** How many records of each ce_id the partitions hold, from the beginning to their end now. */
        static Map<UUID, Integer> read(KafkaConsumer<String, String> consumer, List<PartitionInfo> partitions) {
            List<TopicPartition> assigned = partitions.stream().map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            Map<UUID, Integer> copies = new HashMap<>();
            if (assigned.isEmpty()) {
                return copies;
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + assigned + " took more than 120 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    UUID key = id == null ? new UUID(0, 0) : UUID.fromString(new String(id.value(), StandardCharsets.UTF_8));
                    copies.merge(key, 1, Integer::sum);
                }
            }
            consumer.unsubscribe();
            return copies;
        }

        void seatChecks(int users) throws SQLException {
            String exact = "seats exact: assigned = licenses held, total = licenses bought";
            found.invariant(exact);
            try (Connection licensing = connect(a, "licensing")) {
                long[] seats = query(licensing, "SELECT total, assigned FROM seat_count WHERE tenant_id = ? AND sku_id = ?::uuid",
                        rs -> rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {-1, -1}, tenant, sku);
                long held = count(licensing, "SELECT count(*) FROM license_assignment WHERE tenant_id = ? AND sku_id = ?::uuid",
                        tenant, sku);
                long bought = count(licensing, "SELECT coalesce(sum(licenses), 0) FROM subscription WHERE tenant_id = ? AND sku_id = ?::uuid",
                        tenant, sku);
                long drift = seats[1] - held;
                if (drift != 0 || seats[0] != bought) {
                    found.fail(exact, "seat_count total " + seats[0] + " assigned " + seats[1] + ", held " + held
                            + ", bought " + bought);
                }
                found.lines.add(String.format("seats: %d bought, seat count says %d of %d assigned, %d licenses held",
                        bought, seats[1], seats[0], held));
                found.figures.put("seats drift", drift + " (seat count's assigned minus licenses held)");
            }
            if (replicas) {
                String purgeRuns = "the purge runs' mailbox counts add up to the mailboxes purged";
                found.invariant(purgeRuns);
                try (Connection lifecycle = connect(a, "lifecycle")) {
                    long runs = count(lifecycle, "SELECT count(*) FROM purge_run");
                    long empty = count(lifecycle, "SELECT count(*) FROM purge_run WHERE mailboxes_purged = 0");
                    long byRuns = count(lifecycle, "SELECT coalesce(sum(mailboxes_purged), 0) FROM purge_run");
                    long purged = count(lifecycle, "SELECT count(*) FROM mailbox WHERE state = 'PURGED'");
                    long entries = count(lifecycle, "SELECT count(*) FROM timeline_entry WHERE event = 'MAILBOX_PURGED'");
                    if (byRuns != purged || entries != purged) {
                        found.fail(purgeRuns, "runs say " + byRuns + ", mailboxes purged " + purged + ", timeline entries " + entries);
                    }
                    found.figures.put("purge", String.format("%d mailboxes PURGED, %d by the runs' counts, %d MAILBOX_PURGED"
                            + " entries; %d runs recorded, %d of them purged nothing", purged, byRuns, entries, runs, empty));
                }
            }
        }

        static List<OutboxEvent> outbox(Connection c, String topic) throws SQLException {
            return query(c, "SELECT id, event_key, ce_type, sent_at IS NOT NULL FROM outbox_event WHERE topic = ? ORDER BY seq", rs -> {
                List<OutboxEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(new OutboxEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
                return events;
            }, topic);
        }

        static Set<String> strings(ResultSet rs) throws SQLException {
            Set<String> values = new HashSet<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }

        static List<UUID> uuids(ResultSet rs) throws SQLException {
            List<UUID> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getObject(1, UUID.class));
            }
            return values;
        }
    }

    /** {@code --name value} pairs after the command. */
    record Arguments(Map<String, String> values) {

        static Arguments parse(String[] args, int from) {
            Map<String, String> values = new HashMap<>();
            for (int i = from; i < args.length; i++) {
                if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i]);
                }
            }
            return new Arguments(values);
        }

        String get(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        String getOr(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }
    }
}
