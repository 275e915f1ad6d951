package org.licenselifecycle.lifecycle.messaging;

import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.lifecycle.LicenseEventsOnKafka;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.support.inbox.Inbox;
import org.licenselifecycle.testsupport.CpuTiming;
import org.licenselifecycle.testsupport.Rig;

/**
 * Not a test (its name keeps it out of the suite): the CPU that applying LicenseRemoved costs this service and its
 * database per event, one by one and in batches, with {@link LicenseEventsConsumer}'s own effect on mailboxes of
 * Microsoft 365 Business Premium users (the path benchmark's). Run it with
 * {@code ./mvnw -B -ntp -pl data-lifecycle-service -am verify -Dtest=LicenseRemovedTiming -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class LicenseRemovedTiming {

    private static final int EVENTS = 1000;

    @Inject
    Inbox inbox;

    @Inject
    LicenseEventsConsumer consumer;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void printTheCostPerRemovalOneByOneAndTogether() {
        CpuTiming.atEachBatchSize(this::run);
    }

    private void run(String name, int size) {
        Instant now = Instant.now();
        List<ConsumerRecord<String, String>> assigned = new ArrayList<>();
        List<ConsumerRecord<String, String>> removed = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            TestUser user = TestUser.create();
            assigned.add(record(user, EventType.LICENSE_ASSIGNED, EventJson.write(user.assigned(BUSINESS_PREMIUM, now))));
            removed.add(record(user, EventType.LICENSE_REMOVED, EventJson.write(user.removed(BUSINESS_PREMIUM, null, now))));
        }
        for (List<ConsumerRecord<String, String>> batch : CpuTiming.batches(assigned, 200)) {
            inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, batch, consumer.effects());
        }
        CpuTiming.Cost cost = CpuTiming.oneByOneOrInBatches(jdbcUrl, removed, size,
                record -> inbox.deliver(LicenseEventsConsumer.CONSUMER, record, consumer.effects()),
                batch -> inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, batch, consumer.effects()));
        System.out.printf("LicenseRemoved timing, %-14s %d events: per event %6.0f us CPU in the JVM, %6.0f us CPU in"
                + " PostgreSQL, %6.0f us wall%n", name, EVENTS, cost.threadMicros(), cost.databaseMicros(), cost.wallMicros());
    }

    private static ConsumerRecord<String, String> record(TestUser user, EventType type, String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.LICENSE_EVENTS, 0, 0L, user.userId().toString(), json);
        LicenseEventsOnKafka.headers(UUID.randomUUID(), type)
                .forEach((header, value) -> record.headers().add(header, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
