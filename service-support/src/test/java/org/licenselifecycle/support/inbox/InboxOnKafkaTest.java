package org.licenselifecycle.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.support.inbox.BrokerRecords.withEventId;
import static org.licenselifecycle.support.inbox.BrokerRecords.withKey;
import static org.licenselifecycle.testsupport.TestEvents.header;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * The Inbox with the real connector and broker ({@link ProbeConsumer}'s channel, configured as the services'
 * are): a failing event goes through the delayed-retry topics without holding its partition, a later event of
 * its key follows it, one that keeps failing reaches the dead-letter topic and a replay applies it once
 * fixed, and an interrupted one is neither retried nor dead-lettered but delivered again.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class InboxOnKafkaTest {

    private static final Duration EVENT_APPLIED = Duration.ofSeconds(60);

    @Inject
    ProbeConsumer probe;

    @Inject
    InboxConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFailingEventGoesToTheRetryTopicsWithoutHoldingItsPartitionAndAppliesOnItsDelayedTry() {
        UUID failing = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        probe.failTimes(failing, config.retry().attempts()); // every try in place fails, the first delayed one works

        publish(UUID.randomUUID().toString(), failing);
        publish(UUID.randomUUID().toString(), next); // behind it on the same partition

        await().atMost(EVENT_APPLIED).until(() -> probe.applied().contains(failing));
        assertThat(probe.applied()).as("the next event did not wait for the failing one's retry")
                .containsSubsequence(next, failing);
        assertThat(probe.tries(failing)).isEqualTo(config.retry().attempts() + 1);
        assertThat(withEventId(Kafka.recordsOn(ProbeConsumer.RETRY_TOPIC_FIRST), failing)).hasSize(1);
        assertThat(withEventId(Kafka.recordsOn(ProbeConsumer.DEAD_LETTER_TOPIC), failing)).isEmpty();
        assertThat(processed(failing)).isEqualTo(1);
    }

    @Test
    void aLaterEventOfTheSameKeyWaitsBehindTheRetriedOneAndAppliesAfterIt() {
        String key = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        probe.failTimes(first, config.retry().attempts());

        publish(key, first);
        publish(key, second);

        // only the order of the key's own events is asserted: when another key's event lands beside them is timing
        await().atMost(EVENT_APPLIED).until(() -> probe.applied().containsAll(List.of(first, second)));
        assertThat(probe.applied()).as("the later event applied after the retried one").containsSubsequence(first, second);
        assertThat(probe.tries(second)).as("it waited without being tried").isEqualTo(1);
        List<ConsumerRecord<String, String>> retried = withEventId(Kafka.recordsOn(ProbeConsumer.RETRY_TOPIC_FIRST), second);
        assertThat(retried).singleElement().satisfies(record -> assertThat(header(record, "delayed-retry-reason"))
                .contains("waits behind event " + first));
        assertThat(processed(first)).isEqualTo(1);
        assertThat(processed(second)).isEqualTo(1);
    }

    @Test
    void anEventThatStillFailsAfterTheRetriesIsDeadLetteredWithItsFollowersAndAReplayAppliesThemOnceInOrder() {
        String key = UUID.randomUUID().toString();
        UUID failing = UUID.randomUUID();
        UUID follower = UUID.randomUUID();
        probe.failUntilFixed(failing);

        publish(key, failing);
        publish(key, follower);

        await().atMost(EVENT_APPLIED).until(() -> withKey(Kafka.recordsOn(ProbeConsumer.DEAD_LETTER_TOPIC), key).size() == 2);
        List<ConsumerRecord<String, String>> dead = withKey(Kafka.recordsOn(ProbeConsumer.DEAD_LETTER_TOPIC), key);
        assertThat(dead).extracting(record -> header(record, CloudEventHeaders.ID))
                .containsExactly(failing.toString(), follower.toString());
        assertThat(header(dead.get(0), "delayed-retry-reason")).contains("fails until fixed");
        assertThat(header(dead.get(1), "delayed-retry-reason")).contains("waits behind event " + failing);
        assertThat(probe.applied()).doesNotContain(failing, follower);

        probe.fix(failing);
        DeadLetterReplay.Result replay = DeadLetterReplay.replay(Kafka.bootstrapServers(), ProbeConsumer.DEAD_LETTER_TOPIC, false);

        assertThat(replay.to()).isEqualTo(ProbeConsumer.TOPIC);
        assertThat(replay.replayed()).isGreaterThanOrEqualTo(2);
        await().atMost(EVENT_APPLIED).until(() -> probe.applied().containsAll(List.of(failing, follower)));
        assertThat(probe.applied()).containsSubsequence(failing, follower);
        List<ConsumerRecord<String, String>> replayed = withKey(Kafka.recordsOn(ProbeConsumer.TOPIC), key);
        assertThat(replayed).hasSize(4).last().satisfies(record -> {
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(follower.toString());
            assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.USER_UPDATED.ceType());
            assertThat(record.headers().lastHeader("delayed-retry-count")).as("it gets all its tries again").isNull();
        });

        assertThat(DeadLetterReplay.replay(Kafka.bootstrapServers(), ProbeConsumer.DEAD_LETTER_TOPIC, false).replayed())
                .as("each dead letter is replayed once").isZero();
        assertThat(Collections.frequency(probe.applied(), failing)).isEqualTo(1);
        assertThat(processed(failing)).isEqualTo(1);
        assertThat(processed(follower)).isEqualTo(1);
    }

    @Test
    void anInterruptedEventIsNeitherRetriedNorDeadLetteredAndIsAppliedWhenTheConsumerStartsAgain() throws Exception {
        UUID before = UUID.randomUUID();
        UUID interrupted = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        probe.interruptOnce(interrupted);
        publish(UUID.randomUUID().toString(), before);
        await().atMost(EVENT_APPLIED).until(() -> probe.applied().contains(before));

        RecordMetadata sent = publish(UUID.randomUUID().toString(), interrupted);
        publish(UUID.randomUUID().toString(), next);

        await().atMost(EVENT_APPLIED).until(() -> probe.applied().contains(next));
        assertThat(probe.applied()).doesNotContain(interrupted);
        assertThat(probe.anyThreadLeftInterrupted()).as("the Inbox keeps the interrupt for the thread's owner").isTrue();
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        await().atMost(EVENT_APPLIED).during(Duration.ofSeconds(1)) // commits every 200 ms: not one passes it
                .until(() -> committed(partition) == sent.offset());
        assertThat(withEventId(Kafka.recordsOn(ProbeConsumer.RETRY_TOPIC_FIRST), interrupted)).isEmpty();
        assertThat(withEventId(Kafka.recordsOn(ProbeConsumer.DEAD_LETTER_TOPIC), interrupted)).isEmpty();

        // what a restart does: the group's members go, the consumer joins again and reads from the committed offset
        Kafka.companion().getOrCreateAdminClient()
                .removeMembersFromConsumerGroup(ProbeConsumer.GROUP, new RemoveMembersFromConsumerGroupOptions()).all().get();

        await().atMost(EVENT_APPLIED).until(() -> probe.applied().contains(interrupted));
        assertThat(processed(interrupted)).isEqualTo(1);
        assertThat(Collections.frequency(probe.applied(), next)).as("redelivered, but applied once").isEqualTo(1);
        await().atMost(EVENT_APPLIED).until(() -> committed(partition) > sent.offset());
    }

    private static RecordMetadata publish(String key, UUID eventId) {
        Map<String, String> headers = TestEvents.headers(eventId, EventType.USER_UPDATED.ceType(), "/inbox-probe");
        return Kafka.companion().produceStrings().fromRecords(TestEvents.record(ProbeConsumer.TOPIC, key, "{}", headers))
                .awaitCompletion().getFirstRecord();
    }

    private static long committed(TopicPartition partition) {
        OffsetAndMetadata offset = Kafka.companion().consumerGroups().offsets(ProbeConsumer.GROUP, List.of(partition))
                .get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private long processed(UUID eventId) {
        return Db.processed(dataSource, ProbeConsumer.CONSUMER, eventId);
    }
}
