import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * After the run: the summary table of the phases, the figures, and the invariants checked user by user and event by
 * event (deploy/local/faults/README.md says which). A failed invariant makes {@code run} return false.
 */
final class Check {

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

    final Faults.Arguments a;
    final Path dir;
    final UUID tenant;
    final String sku;
    final boolean replicas;
    final Findings found = new Findings();

    Check(Faults.Arguments a) {
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
            boolean last = phase == phases.get(phases.size() - 1);
            // a call may slip out between the end mark and the driver seeing its stop file: the last phase's
            List<Call> in = calls.values().stream()
                    .filter(c -> c.sentAt() >= phase.start() && (last || c.sentAt() < phase.end())).toList();
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
                // a process that listens and answers non-200, or does not answer in time, is not ready; each
                // sample stands for the time until the next one (a probe that times out delays the next)
                long n = 0;
                for (int i = 0; i < window.size(); i++) {
                    long[] s = window.get(i);
                    if (s[column] == Monitor.TIMED_OUT || s[column] > 0 && s[column] != 200) {
                        long next = i + 1 < window.size() ? window.get(i + 1)[0] : Math.min(s[0] + 1000, phase.end());
                        n += Math.min(next - s[0], 5000);
                    }
                }
                n = Math.round(n / 1000.0);
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
        report.append(String.format("(lag: license events written by licensing minus applied by lifecycle, back under"
                + " %d; notready: instance-seconds a running instance answered its readiness with non-200 or not within"
                + " 3 s; %d calls not sent by the driver)%n", lagThreshold, notSent));
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
        try (Connection licensing = Faults.connect(a, "licensing")) {
            held = Faults.query(licensing, "SELECT user_id::text FROM license_assignment WHERE tenant_id = ? AND sku_id = ?::uuid",
                    Check::strings, tenant, sku);
            for (OutboxEvent e : outbox(licensing, Faults.LICENSE_TOPIC)) {
                if (e.type().contains(".LicenseRemoved.")) {
                    removals.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        try (Connection lifecycle = Faults.connect(a, "lifecycle")) {
            Faults.query(lifecycle, "SELECT user_id::text, state FROM mailbox WHERE tenant_id = ?", rs -> {
                while (rs.next()) {
                    mailbox.put(rs.getString(1), rs.getString(2));
                }
                return null;
            }, tenant);
            Faults.query(lifecycle, "SELECT user_id::text, event, count(*) FROM timeline_entry WHERE tenant_id = ? GROUP BY 1, 2", rs -> {
                while (rs.next()) {
                    timeline.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
                return null;
            }, tenant);
            applied = new HashSet<>(Faults.query(lifecycle, "SELECT event_id FROM processed_event WHERE consumer LIKE ?",
                    Check::uuids, Faults.consumerOf(Faults.LICENSE_TOPIC)));
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
        try (Connection directory = Faults.connect(a, "directory"); Connection licensing = Faults.connect(a, "licensing");
                Connection lifecycle = Faults.connect(a, "lifecycle")) {
            List<OutboxEvent> userEvents = outbox(directory, Faults.USER_TOPIC);
            List<OutboxEvent> licenseEvents = outbox(licensing, Faults.LICENSE_TOPIC);
            Map<String, List<OutboxEvent>> byConsumer = new LinkedHashMap<>();
            byConsumer.put("licensing <- " + Faults.USER_TOPIC, userEvents);
            byConsumer.put("lifecycle <- " + Faults.USER_TOPIC, userEvents);
            byConsumer.put("lifecycle <- " + Faults.LICENSE_TOPIC, licenseEvents);
            StringBuilder line = new StringBuilder("events: ");
            for (Map.Entry<String, List<OutboxEvent>> entry : byConsumer.entrySet()) {
                Connection db = entry.getKey().startsWith("licensing") ? licensing : lifecycle;
                String topic = entry.getKey().substring(entry.getKey().indexOf("<- ") + 3);
                Map<UUID, Long> processed = Faults.query(db, """
                        SELECT event_id, count(*) FROM processed_event WHERE consumer LIKE ? GROUP BY event_id""", rs -> {
                    Map<UUID, Long> m = new HashMap<>();
                    while (rs.next()) {
                        m.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                    return m;
                }, Faults.consumerOf(topic));
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
            for (String topic : List.of(Faults.USER_TOPIC, Faults.LICENSE_TOPIC)) {
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
        try (Connection licensing = Faults.connect(a, "licensing")) {
            long[] seats = Faults.query(licensing, "SELECT total, assigned FROM seat_use WHERE tenant_id = ? AND sku_id = ?::uuid",
                    rs -> rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {-1, -1}, tenant, sku);
            long held = Faults.count(licensing,
                    "SELECT count(*) FROM license_assignment WHERE tenant_id = ? AND sku_id = ?::uuid", tenant, sku);
            long bought = Faults.count(licensing,
                    "SELECT coalesce(sum(licenses), 0) FROM subscription WHERE tenant_id = ? AND sku_id = ?::uuid", tenant, sku);
            long drift = seats[1] - held;
            if (drift != 0 || seats[0] != bought) {
                found.fail(exact, "seat_use total " + seats[0] + " assigned " + seats[1] + ", held " + held
                        + ", bought " + bought);
            }
            found.lines.add(String.format("seats: %d bought, seat count says %d of %d assigned, %d licenses held",
                    bought, seats[1], seats[0], held));
            found.figures.put("seats drift", drift + " (seat count's assigned minus licenses held)");
        }
        if (replicas) {
            String purgeRuns = "the purge runs' mailbox counts add up to the mailboxes purged";
            found.invariant(purgeRuns);
            try (Connection lifecycle = Faults.connect(a, "lifecycle")) {
                long runs = Faults.count(lifecycle, "SELECT count(*) FROM purge_run");
                long empty = Faults.count(lifecycle, "SELECT count(*) FROM purge_run WHERE mailboxes_purged = 0");
                long byRuns = Faults.count(lifecycle, "SELECT coalesce(sum(mailboxes_purged), 0) FROM purge_run");
                long purged = Faults.count(lifecycle, "SELECT count(*) FROM mailbox WHERE state = 'PURGED'");
                long entries = Faults.count(lifecycle, "SELECT count(*) FROM timeline_entry WHERE event = 'MAILBOX_PURGED'");
                if (byRuns != purged || entries != purged) {
                    found.fail(purgeRuns, "runs say " + byRuns + ", mailboxes purged " + purged + ", timeline entries " + entries);
                }
                found.figures.put("purge", String.format("%d mailboxes PURGED, %d by the runs' counts, %d MAILBOX_PURGED"
                        + " entries; %d runs recorded, %d of them purged nothing", purged, byRuns, entries, runs, empty));
            }
        }
    }

    static List<OutboxEvent> outbox(Connection c, String topic) throws SQLException {
        return Faults.query(c, "SELECT id, event_key, ce_type, sent_at IS NOT NULL FROM outbox_event WHERE topic = ? ORDER BY seq", rs -> {
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
