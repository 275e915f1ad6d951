package org.licenselifecycle.support.inbox;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.support.observability.InMemorySpans;
import org.licenselifecycle.testsupport.CpuTime;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Not a test (its name keeps it out of the suite): the CPU one record costs on its way through the real embedded broker
 * (in this JVM), the Kafka connector and the Inbox to an effect of one statement, offered at a steady rate as the path
 * bench offers unassigns ({@code -Dkafka-timing.rate}, 200 a second), by thread group, and the database's: for a
 * channel whose consumer fetches as Kafka's defaults say and one that waits for its fetches to fill (the services'
 * busy channels did until the path bench measured it), in turns. What the
 * effect-only timings (LicenseRemovedTiming, LicenseEventsTiming) leave out: the poll, the hand-over, the spans, the
 * acknowledgement, the fetches. Run it with
 * {@code ./mvnw -B -ntp -pl service-support -am verify -Dtest=InboxOnKafkaTiming -Dsurefire.failIfNoSpecifiedTests=false};
 * {@code -Dkafka-timing.jfr=/tmp/inbox.jfr} records the measured records with JFR's profile settings.
 */
@QuarkusTest
@TestProfile(InboxOnKafkaTiming.AsTheLocalRunner.class)
@WithTestResource(Rig.class)
class InboxOnKafkaTiming {

    /**
     * The application's span exporters as on the local runner (NoCollector alone: the tests' in-memory exporter left
     * out); {@code -Dkafka-timing.exclude=<classes>} leaves more out, e.g. NoCollectorSampling to time spans recorded.
     */
    public static class AsTheLocalRunner implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String more = System.getProperty("kafka-timing.exclude", "");
            return Map.of("quarkus.arc.exclude-types", InMemorySpans.class.getName() + (more.isEmpty() ? "" : "," + more));
        }
    }

    private static final int RATE = Integer.getInteger("kafka-timing.rate", 200);
    /** Records per channel not measured. */
    private static final int WARM_UP = Integer.getInteger("kafka-timing.warmup", 2000);
    /** Records measured per channel, in {@link #BLOCKS} blocks taking turns with the other channel's. */
    private static final int RECORDS = Integer.getInteger("kafka-timing.records", 4000);
    private static final int BLOCKS = 4;
    private static final String JFR = System.getProperty("kafka-timing.jfr");
    /** About the size of a LicenseRemoved's JSON. */
    private static final String VALUE = "{\"padding\":\"" + "x".repeat(400) + "\"}";

    @Inject
    TimingProbeConsumer probe;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void printTheCpuPerRecordThroughKafka() throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Kafka.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "timing-producer");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            offer(producer, TimingProbeConsumer.TOPIC, WARM_UP);
            offer(producer, TimingProbeConsumer.WAITING_TOPIC, WARM_UP);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Recording recording = JFR == null ? null : new Recording(Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.start();
            }
            // The two channels in turns, a block each, so that the machine's load falls on both alike
            Map<String, Map<String, Long>> cpu = new HashMap<>();
            Map<String, Long> db = new HashMap<>();
            int block = RECORDS / BLOCKS;
            for (int i = 0; i < 2 * BLOCKS; i++) {
                String topic = i % 2 == 0 ? TimingProbeConsumer.TOPIC : TimingProbeConsumer.WAITING_TOPIC;
                Map<String, Long> before = cpuByGroup(threads);
                long dbBefore = CpuTime.database(jdbcUrl);
                offer(producer, topic, block);
                db.merge(topic, CpuTime.database(jdbcUrl) - dbBefore, Long::sum);
                Map<String, Long> spent = cpu.computeIfAbsent(topic, t -> new HashMap<>());
                cpuByGroup(threads).forEach((group, nanos) -> spent.merge(group, nanos - before.getOrDefault(group, 0L), Long::sum));
            }
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(JFR));
            }
            print("fetching at once (fetch.min.bytes=1)", cpu.get(TimingProbeConsumer.TOPIC), db.get(TimingProbeConsumer.TOPIC), block * BLOCKS);
            print("fetches waiting 20 ms to fill", cpu.get(TimingProbeConsumer.WAITING_TOPIC), db.get(TimingProbeConsumer.WAITING_TOPIC), block * BLOCKS);
        }
    }

    private static void print(String channel, Map<String, Long> cpu, long dbNanos, int records) {
        Map<String, Double> perRecord = new TreeMap<>();
        cpu.forEach((group, nanos) -> {
            double us = nanos / 1000.0 / records;
            if (us >= 0.5) {
                perRecord.put(group, us);
            }
        });
        double jvm = perRecord.entrySet().stream().filter(e -> !e.getKey().startsWith("(test")).mapToDouble(Map.Entry::getValue).sum();
        System.out.printf("inbox on kafka timing, %s, %d records at %d/s: per record %.0f us CPU in the JVM (broker, "
                + "connector, Inbox; not the producer), %.0f us CPU in PostgreSQL%n", channel, records, RATE, jvm, dbNanos / 1000.0 / records);
        perRecord.forEach((group, us) -> System.out.printf("  %-60s %7.1f us%n", group, us));
    }

    /** Offers {@code count} records at {@link #RATE} a second, then waits until the topic's consumer has applied them. */
    private void offer(KafkaProducer<String, String> producer, String topic, int count) {
        int target = probe.applied(topic) + count;
        long interval = 1_000_000_000L / RATE;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            Map<String, String> headers = TestEvents.headers(UUID.randomUUID(), EventType.USER_UPDATED.ceType(), "/timing");
            headers.put("traceparent", "00-" + hex(32) + "-" + hex(16) + "-01");
            producer.send(TestEvents.record(topic, UUID.randomUUID().toString(), VALUE, headers));
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> probe.applied(topic) >= target);
    }

    /** CPU by thread group: the name without digits (and the test's own threads apart). */
    private static Map<String, Long> cpuByGroup(ThreadMXBean threads) {
        Map<String, Long> groups = new HashMap<>();
        long self = Thread.currentThread().getId();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id);
            if (nanos < 0 || info == null) {
                continue;
            }
            String name = info.getThreadName().replaceAll("[0-9]+", "#");
            String group = id == self ? "(test thread)" : name.contains("timing-producer") ? "(test producer)" : name;
            groups.merge(group, nanos, Long::sum);
        }
        return groups;
    }

    private static String hex(int length) {
        return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, length);
    }
}
