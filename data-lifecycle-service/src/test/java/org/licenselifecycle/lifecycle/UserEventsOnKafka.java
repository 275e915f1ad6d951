package org.licenselifecycle.lifecycle;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.events.UserUpdated;

/** Publishes user events to the rig's broker as directory-service does: binary CloudEvents keyed by user. */
public final class UserEventsOnKafka {

    public static final String DEAD_LETTER_TOPIC = Topics.USER_EVENTS + ".data-lifecycle-service" + Topics.DEAD_LETTER_SUFFIX;

    private UserEventsOnKafka() {
    }

    public static UUID publish(Record data) {
        UUID id = UUID.randomUUID();
        publish(id, data);
        return id;
    }

    public static void publish(UUID eventId, Record data) {
        Map<String, String> headers = LicenseEventsOnKafka.headers(eventId, EventType.of(data));
        headers.put(CloudEventHeaders.SOURCE, "/directory-service");
        publishRaw(userId(data).toString(), EventJson.write(data), headers);
    }

    public static void publishRaw(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.USER_EVENTS, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        LicenseEventsOnKafka.companion().produceStrings().fromRecords(record).awaitCompletion();
    }

    public static List<ConsumerRecord<String, String>> deadLetters(String key, int count) {
        return LicenseEventsOnKafka.companion().consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(DEAD_LETTER_TOPIC, records -> records.select().where(r -> key.equals(r.key())).select().first(count))
                .awaitCompletion(AdminApi.EVENT_APPLIED)
                .getRecords();
    }

    /** Waits until every record published so far to directory.user-events was applied and committed. */
    public static void awaitAllApplied() {
        KafkaCompanion kafka = LicenseEventsOnKafka.companion();
        List<TopicPartition> partitions = kafka.topics().describe(Topics.USER_EVENTS).get(Topics.USER_EVENTS)
                .partitions().stream().map(p -> new TopicPartition(Topics.USER_EVENTS, p.partition())).toList();
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        kafka.offsets().list(partitions).forEach((partition, info) -> ends.put(partition, info.offset()));
        await().atMost(AdminApi.EVENT_APPLIED).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    kafka.consumerGroups().offsets(LicenseEventsOnKafka.CONSUMER_GROUP, partitions);
            return ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                return end.getValue() == 0 || offset != null && offset.offset() >= end.getValue();
            });
        });
    }

    private static UUID userId(Record data) {
        if (data instanceof UserDeleted e) {
            return e.userId();
        }
        if (data instanceof UserRestored e) {
            return e.userId();
        }
        if (data instanceof UserPurged e) {
            return e.userId();
        }
        if (data instanceof UserUpdated e) {
            return e.userId();
        }
        throw new IllegalArgumentException("Not a user event: " + data);
    }
}
