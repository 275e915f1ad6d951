package org.licenselifecycle.support.inbox;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.support.sql.Sql;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Not a test (its name keeps it out of the suite): what applying events together saves, in CPU rather than wall
 * time, which a shared machine makes noise of. Run it with
 * {@code ./mvnw -B -ntp -pl service-support -am verify -Dtest=InboxBatchTiming -Dsurefire.failIfNoSpecifiedTests=false}:
 * it applies the same number of events one by one ({@link Inbox#deliver}) and in batches
 * ({@link Inbox#deliverTogether}), each effect one statement, and prints per event the applying thread's CPU time,
 * the database server's (its processes' {@code /proc/<pid>/stat}) and the wall time.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class InboxBatchTiming {

    private static final int EVENTS = 2000;

    @Inject
    Inbox inbox;

    @Inject
    Sql sql;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void printTheCostPerEventOneByOneAndTogether() throws Exception {
        BiConsumer<EventType, IncomingEvent> effect = (type, event) -> sql.first("SELECT 1", row -> true);
        run("warm-up", 1, effect);
        run("warm-up", 100, effect);
        for (int size : new int[] {1, 10, 100, 200}) {
            run(size == 1 ? "one by one" : "batches of " + size, size, effect);
        }
    }

    private void run(String name, int size, BiConsumer<EventType, IncomingEvent> effect) throws Exception {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            records.add(userUpdated(UUID.randomUUID(), UUID.randomUUID().toString()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long db = databaseTicks();
        long wall = System.nanoTime();
        String consumer = "inbox-timing-" + UUID.randomUUID();
        for (int from = 0; from < EVENTS; from += size) {
            List<ConsumerRecord<String, String>> batch = records.subList(from, Math.min(EVENTS, from + size));
            if (size == 1) {
                inbox.deliver(consumer, batch.get(0), effect);
            } else {
                inbox.deliverTogether(consumer, batch, effect);
            }
        }
        double wallUs = (System.nanoTime() - wall) / 1000.0 / EVENTS;
        double cpuUs = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / EVENTS;
        double dbUs = (databaseTicks() - db) * 10_000.0 / EVENTS; // USER_HZ 100: a tick is 10 ms
        System.out.printf("inbox timing, %-14s %d events: per event %6.0f us CPU in the JVM, %6.0f us CPU in PostgreSQL,"
                + " %6.0f us wall%n", name, EVENTS, cpuUs, dbUs, wallUs);
    }

    /** CPU ticks (user and system) of the test database's server processes, the ended ones included. */
    private long databaseTicks() throws Exception {
        Matcher port = Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
        if (!port.find()) {
            return 0;
        }
        String portArg = "-p " + port.group(1);
        long postmaster = -1;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmdline = read(proc.resolve("cmdline")).replace('\0', ' ');
                if (cmdline.contains("postgres") && cmdline.contains(portArg + " ")) {
                    postmaster = Long.parseLong(proc.getFileName().toString());
                }
            }
        }
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(proc);
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                } else if (Long.parseLong(stat[1]) == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return ticks;
    }

    /** Fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(Path proc) {
        String stat = read(proc.resolve("stat"));
        int end = stat.lastIndexOf(')');
        return end < 0 ? null : stat.substring(end + 2).trim().split(" ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (Exception e) {
            return "";
        }
    }

    private static ConsumerRecord<String, String> userUpdated(UUID eventId, String key) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("directory.user-events", 0, 0L, key, "{}");
        Map<String, String> headers = TestEvents.headers(eventId, EventType.USER_UPDATED.ceType(), "/directory-service");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
