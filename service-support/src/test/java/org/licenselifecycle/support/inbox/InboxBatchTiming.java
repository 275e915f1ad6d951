package org.licenselifecycle.support.inbox;

import static org.licenselifecycle.support.inbox.Db.userUpdated;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.support.sql.Sql;
import org.licenselifecycle.testsupport.CpuTiming;
import org.licenselifecycle.testsupport.Rig;

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
    void printTheCostPerEventOneByOneAndTogether() {
        BiConsumer<EventType, IncomingEvent> effect = (type, event) -> sql.first("SELECT 1", row -> true);
        CpuTiming.atEachBatchSize((name, size) -> run(name, size, effect));
    }

    private void run(String name, int size, BiConsumer<EventType, IncomingEvent> effect) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            records.add(userUpdated(UUID.randomUUID()));
        }
        String consumer = "inbox-timing-" + UUID.randomUUID();
        CpuTiming.Cost cost = CpuTiming.oneByOneOrInBatches(jdbcUrl, records, size,
                record -> inbox.deliver(consumer, record, effect), batch -> inbox.deliverTogether(consumer, batch, effect));
        System.out.printf("inbox timing, %-14s %d events: per event %6.0f us CPU in the JVM, %6.0f us CPU in PostgreSQL,"
                + " %6.0f us wall%n", name, EVENTS, cost.threadMicros(), cost.databaseMicros(), cost.wallMicros());
    }
}
