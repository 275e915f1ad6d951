package org.licenselifecycle.lifecycle;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.TestEvents;

/** Publishes license events to the rig's broker as licensing-service does: binary CloudEvents keyed by user. */
public final class LicenseEventsOnKafka {

    public static final String DEAD_LETTER_TOPIC = Topics.LICENSE_EVENTS + ".data-lifecycle-service" + Topics.DEAD_LETTER_SUFFIX;

    /** data-lifecycle-service's consumer group on licensing.license-events. */
    public static final String CONSUMER_GROUP = "data-lifecycle-service";

    private static KafkaCompanion companion;

    private LicenseEventsOnKafka() {
    }

    static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = Kafka.companion();
        }
        return companion;
    }

    /** Publishes {@code data} under a fresh event id and returns that id. */
    public static UUID publish(Record data) {
        UUID id = UUID.randomUUID();
        publish(id, data);
        return id;
    }

    /** Publishes {@code data} under {@code eventId}, e.g. to deliver the same event again. */
    public static void publish(UUID eventId, Record data) {
        publishRaw(userId(data).toString(), EventJson.write(data), headers(eventId, EventType.of(data)));
    }

    /** The CloudEvents headers licensing-service sends with an event of {@code type}. */
    public static Map<String, String> headers(UUID eventId, EventType type) {
        return TestEvents.headers(eventId, type.ceType(), "/licensing-service");
    }

    /** Publishes any record at all, well-formed or not. */
    public static void publishRaw(String key, String value, Map<String, String> headers) {
        companion().produceStrings().fromRecords(TestEvents.record(Topics.LICENSE_EVENTS, key, value, headers)).awaitCompletion();
    }

    /** The records with {@code key} on the dead-letter topic, waiting until there are {@code count}. */
    public static List<ConsumerRecord<String, String>> deadLetters(String key, int count) {
        return companion().consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(DEAD_LETTER_TOPIC, records -> records.select().where(r -> key.equals(r.key())).select().first(count))
                .awaitCompletion(AdminApi.EVENT_APPLIED)
                .getRecords();
    }

    /**
     * Waits until data-lifecycle-service has applied (and committed) every record published so far to
     * licensing.license-events, so that a test can assert that an event changed nothing.
     */
    public static void awaitAllApplied() {
        awaitAllApplied(Topics.LICENSE_EVENTS);
    }

    /** Waits until data-lifecycle-service has applied (and committed) every record published so far to {@code topic}. */
    static void awaitAllApplied(String topic) {
        Kafka.awaitCommitted(companion(), topic, CONSUMER_GROUP, AdminApi.EVENT_APPLIED);
    }

    private static UUID userId(Record data) {
        if (data instanceof LicenseAssigned assigned) {
            return assigned.userId();
        }
        if (data instanceof LicenseRemoved removed) {
            return removed.userId();
        }
        throw new IllegalArgumentException("Not a license event: " + data);
    }
}
