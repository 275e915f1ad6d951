package org.licenselifecycle.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.support.inbox.BrokerRecords.withKey;
import static org.licenselifecycle.testsupport.TestEvents.header;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * The Inbox applying a busy channel's records together, with the real connector and broker ({@link BatchProbeConsumer}):
 * the records that wait while one is applied make one transaction; a poison event among them goes to the
 * dead-letter topic (through the delayed-retry topics) with its key's later events while the others are applied;
 * each key's events apply in their order; records delivered again are applied once.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class InboxBatchOnKafkaTest {

    private static final Duration EVENT_APPLIED = Duration.ofSeconds(60);

    @Inject
    BatchProbeConsumer probe;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPoisonEventAmongGoodOnesGoesToTheDeadLetterTopicWithItsKeysLaterEventAndTheOthersAreApplied() {
        String poisonKey = UUID.randomUUID().toString();
        UUID good = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID follower = UUID.randomUUID();
        UUID alsoGood = UUID.randomUUID();
        probe.failUntilFixed(poison);

        publishWhileHeld(List.of(UUID.randomUUID().toString(), poisonKey, poisonKey, UUID.randomUUID().toString()),
                List.of(good, poison, follower, alsoGood));

        await().atMost(EVENT_APPLIED).until(() -> withKey(Kafka.recordsOn(BatchProbeConsumer.DEAD_LETTER_TOPIC), poisonKey).size() == 2);
        assertThat(withKey(Kafka.recordsOn(BatchProbeConsumer.DEAD_LETTER_TOPIC), poisonKey))
                .extracting(record -> header(record, CloudEventHeaders.ID))
                .containsExactly(poison.toString(), follower.toString());
        assertThat(probe.firstTransaction(good)).as("tried together, until the poison event failed")
                .isEqualTo(probe.firstTransaction(poison));
        assertThat(probe.applied()).contains(good, alsoGood).doesNotContain(poison, follower);
        assertThat(processed(good)).isEqualTo(1);
        assertThat(processed(alsoGood)).isEqualTo(1);
        assertThat(processed(poison)).isZero();
        assertThat(processed(follower)).isZero();
    }

    @Test
    void eachUsersEventsApplyInTheirOrderInOneTransactionAndApplyOnceWhenDeliveredAgain() {
        List<String> users = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> keys = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String user : users) {
                keys.add(user);
                events.add(UUID.randomUUID());
            }
        }

        publishWhileHeld(keys, events);
        await().atMost(EVENT_APPLIED).until(() -> probe.applied().containsAll(events));

        assertThat(events.stream().map(probe::firstTransaction).distinct()).as("one transaction").hasSize(1);
        for (String user : users) {
            List<UUID> ofUser = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (keys.get(i).equals(user)) {
                    ofUser.add(events.get(i));
                }
            }
            assertThat(probe.applied()).containsSubsequence(ofUser);
        }

        publishWhileHeld(keys, events); // the same records again, as after a rebalance
        events.forEach(event -> {
            assertThat(Collections.frequency(probe.applied(), event)).as("applied once").isEqualTo(1);
            assertThat(processed(event)).isEqualTo(1);
        });
    }

    /**
     * Holds the channel's thread at an event of its own, publishes the events, waits until the Inbox has taken all
     * of them (so that they wait together), and lets it go on; returns once every record's offset is committed.
     */
    private void publishWhileHeld(List<String> keys, List<UUID> events) {
        UUID gate = UUID.randomUUID();
        probe.holdAt(gate);
        publish(UUID.randomUUID().toString(), gate);
        await().atMost(EVENT_APPLIED).until(() -> probe.holding(gate));
        for (int i = 0; i < events.size(); i++) {
            publish(keys.get(i), events.get(i));
        }
        await().atMost(EVENT_APPLIED).until(() -> events.stream().allMatch(probe::received));
        probe.release(gate);
        // each record acknowledged (applied, skipped or handed to the retry topics) and its offset committed
        Kafka.awaitCommitted(Kafka.companion(), BatchProbeConsumer.TOPIC, BatchProbeConsumer.GROUP, EVENT_APPLIED);
    }

    private static void publish(String key, UUID eventId) {
        Map<String, String> headers = TestEvents.headers(eventId, EventType.USER_UPDATED.ceType(), "/inbox-batch-probe");
        Kafka.companion().produceStrings().fromRecords(TestEvents.record(BatchProbeConsumer.TOPIC, key, "{}", headers))
                .awaitCompletion();
    }

    private long processed(UUID eventId) {
        return Db.processed(dataSource, BatchProbeConsumer.CONSUMER, eventId);
    }
}
