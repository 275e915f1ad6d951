package org.licenselifecycle.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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
        LicenseEventsOnKafka.awaitAllApplied(Topics.USER_EVENTS);
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
