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
import org.licenselifecycle.testsupport.CpuTime;
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
        run("warm-up", 1);
        run("warm-up", 100);
        for (int size : new int[] {1, 10, 100, 200}) {
            run(size == 1 ? "one by one" : "batches of " + size, size);
        }
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
        for (int from = 0; from < EVENTS; from += 200) {
            inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, assigned.subList(from, Math.min(EVENTS, from + 200)), consumer.effects());
        }
        long cpu = CpuTime.thisThread();
        long db = CpuTime.database(jdbcUrl);
        long wall = System.nanoTime();
        for (int from = 0; from < EVENTS; from += size) {
            List<ConsumerRecord<String, String>> batch = removed.subList(from, Math.min(EVENTS, from + size));
            if (size == 1) {
                inbox.deliver(LicenseEventsConsumer.CONSUMER, batch.get(0), consumer.effects());
            } else {
                inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, batch, consumer.effects());
            }
        }
        System.out.printf("LicenseRemoved timing, %-14s %d events: per event %6.0f us CPU in the JVM, %6.0f us CPU in"
                + " PostgreSQL, %6.0f us wall%n", name, EVENTS, (CpuTime.thisThread() - cpu) / 1000.0 / EVENTS,
                (CpuTime.database(jdbcUrl) - db) / 1000.0 / EVENTS, (System.nanoTime() - wall) / 1000.0 / EVENTS);
    }

    private static ConsumerRecord<String, String> record(TestUser user, EventType type, String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.LICENSE_EVENTS, 0, 0L, user.userId().toString(), json);
        LicenseEventsOnKafka.headers(UUID.randomUUID(), type)
                .forEach((header, value) -> record.headers().add(header, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
