package org.licenselifecycle.licensing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.TestEvents;

/** Publishes directory-service's events to the rig's broker, as directory-service's outbox relay would. */
public final class UserEvents {

    private static KafkaCompanion companion;

    private UserEvents() {
    }

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = Kafka.companion();
        }
        return companion;
    }

    public static UserCreated userCreated(UUID tenantId, String userPrincipalName, String usageLocation) {
        UUID userId = UUID.randomUUID();
        return new UserCreated(tenantId, userId, userPrincipalName, "User " + userPrincipalName,
                userPrincipalName.substring(0, userPrincipalName.indexOf('@')), usageLocation, true, Instant.now());
    }

    /** Publishes {@code data} as a UserCreated CloudEvent with the id {@code eventId}, keyed by the user. */
    public static void publish(UUID eventId, UserCreated data) {
        publish(eventId, EventType.USER_CREATED.ceType(), data.userId().toString(), EventJson.write(data));
    }

    /** Publishes any of directory-service's events with the id {@code eventId}, keyed by its user. */
    public static void publish(UUID eventId, UUID userId, Record data) {
        publish(eventId, EventType.of(data).ceType(), userId.toString(), EventJson.write(data));
    }

    /**
     * Publishes a UserCreated for a new user of the tenant under {@code key}, so that it lands on the same
     * partition as the events before it: once the new user is known, everything published before has been
     * consumed.
     */
    public static UUID publishMarkerAfter(TestTenant tenant, UUID key) {
        UserCreated marker = userCreated(tenant.id, "marker-" + UUID.randomUUID() + "@contoso.example", "US");
        publish(UUID.randomUUID(), EventType.USER_CREATED.ceType(), key.toString(), EventJson.write(marker));
        tenant.awaitKnown(marker.userId());
        return marker.userId();
    }

    public static void publish(UUID eventId, String ceType, String key, String value) {
        publishRaw(TestEvents.record(Topics.USER_EVENTS, key, value, TestEvents.headers(eventId, ceType, "/directory-service")));
    }

    public static void publishRaw(ProducerRecord<String, String> record) {
        companion().produceStrings().fromRecords(List.of(record)).awaitCompletion();
    }
}
