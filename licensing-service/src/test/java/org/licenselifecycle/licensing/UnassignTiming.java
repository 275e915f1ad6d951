package org.licenselifecycle.licensing;

import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.testsupport.CpuTiming;
import org.licenselifecycle.testsupport.Rig;

/**
 * Not a test (its name keeps it out of the suite): the CPU one Graph assignLicense removing a license costs
 * licensing-service, by its threads' names (request handling, the outbox relay and its producer), and its database.
 * Run it with
 * {@code ./mvnw -B -ntp -pl licensing-service -am verify -Dtest=UnassignTiming -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class UnassignTiming {

    /** Calls not measured, so that the JIT has compiled the path; {@code -Dunassign.timing.warmup}. */
    private static final int WARM_UP = Integer.getInteger("unassign.timing.warmup", 300);
    /** Calls measured; {@code -Dunassign.timing.calls}. */
    private static final int CALLS = Integer.getInteger("unassign.timing.calls", 500);
    /**
     * A JFR file to record the measured calls into ({@code -Dunassign.timing.jfr=/tmp/unassign.jfr}): the profile
     * settings with a Java sample every millisecond; none by default, as recording costs CPU too.
     */
    private static final String JFR = System.getProperty("unassign.timing.jfr");

    @Test
    void printTheCpuPerUnassign() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, WARM_UP + CALLS);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < WARM_UP + CALLS; i++) {
            UserCreated created = UserEvents.userCreated(tenant.id, "user-" + UUID.randomUUID() + "@contoso.example", "US");
            UserEvents.publish(UUID.randomUUID(), created);
            users.add(created.userId());
        }
        users.forEach(tenant::awaitKnown);
        users.forEach(user -> tenant.assign(user, BUSINESS_PREMIUM));
        users.subList(0, WARM_UP).forEach(user -> unassign(tenant, user));
        Recording recording = JFR == null ? null : startRecording();

        String jdbcUrl = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        Map<String, Long> threads = cpuByThreadKind();
        CpuTiming.Cost cost = CpuTiming.measure(jdbcUrl, CALLS,
                () -> users.subList(WARM_UP, WARM_UP + CALLS).forEach(user -> unassign(tenant, user)));
        Map<String, Long> after = cpuByThreadKind();
        if (recording != null) {
            stopRecording(recording);
        }
        StringBuilder line = new StringBuilder("unassign timing, " + CALLS + " calls one after the other, CPU per call:");
        after.forEach((kind, nanos) -> line.append(String.format(" %s %.0f us,", kind,
                (nanos - threads.getOrDefault(kind, 0L)) / 1000.0 / CALLS)));
        line.append(String.format(" PostgreSQL %.0f us; wall %.0f us", cost.databaseMicros(), cost.wallMicros()));
        System.out.println(line);
    }

    private static Recording startRecording() {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            return recording;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("JFR's profile settings are not readable", e);
        }
    }

    private static void stopRecording(Recording recording) {
        recording.stop();
        try {
            recording.dump(Path.of(JFR));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + JFR, e);
        }
        recording.close();
        System.out.println("unassign timing: the measured calls' JFR recording is " + JFR);
    }

    private static void unassign(TestTenant tenant, UUID user) {
        tenant.assignLicense(user, TestTenant.remove(BUSINESS_PREMIUM)).then().statusCode(200);
    }

    /** CPU time of this JVM's threads, summed by what they do (the test's own client threads apart). */
    private static Map<String, Long> cpuByThreadKind() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = bean.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byKind.merge(kind(info.getThreadName()), cpu, Long::sum);
            }
        }
        return byKind;
    }

    private static String kind(String name) {
        if (name.startsWith("executor-thread") || name.startsWith("vert.x-eventloop")) {
            return "requests";
        }
        if (name.startsWith("outbox-relay") || name.startsWith("kafka-producer-network-thread")) {
            return "relay";
        }
        if (name.startsWith("main")) {
            return "test client";
        }
        return "other (broker, consumers, jobs)";
    }
}
