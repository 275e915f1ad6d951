package org.licenselifecycle.directory;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.events.DirectoryAuditRecorded.AppIdentity;
import org.licenselifecycle.events.DirectoryAuditRecorded.Initiator;
import org.licenselifecycle.events.DirectoryAuditRecorded.ModifiedProperty;
import org.licenselifecycle.events.DirectoryAuditRecorded.Target;
import org.licenselifecycle.events.DirectoryAuditRecorded.UserIdentity;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Audit-log entries published to the rig's broker as the other services' outboxes publish them (binary
 * CloudEvents on {@code audit.directory-audits}, each under a key of its own), for the directory's audit log.
 */
public final class AuditEventsOnKafka {

    public static final Duration KEPT = Duration.ofSeconds(30);
    public static final String DEAD_LETTER_TOPIC = Topics.deadLetterTopic(Topics.AUDIT_EVENTS, "directory-service");

    private static KafkaCompanion companion;

    private AuditEventsOnKafka() {
    }

    private static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = Kafka.companion();
        }
        return companion;
    }

    /** "Change user license" of {@code userId} at {@code at}, by the admin {@code adminId}, as licensing records it. */
    public static DirectoryAuditRecorded licenseChange(UUID tenantId, UUID userId, UUID adminId, Instant at) {
        return entry(tenantId, "Change user license", new Initiator(new UserIdentity(adminId, "Megan Bowen",
                "megan@contoso.com", "203.0.113.7"), null), userId, at);
    }

    /**
     * "Change user license" on the user {@code userId} at {@code at}, by the admin {@code adminId}, recorded without a
     * name for either (a token without {@code name}, a service that knows the user by id only).
     */
    public static DirectoryAuditRecorded unnamedLicenseChange(UUID tenantId, UUID userId, UUID adminId, Instant at) {
        return new DirectoryAuditRecorded(tenantId, "UserManagement", UUID.randomUUID(), "success", null,
                "Change user license", at, "Core Directory", "Update",
                new Initiator(new UserIdentity(adminId, null, null, "203.0.113.7"), null),
                List.of(new Target(userId.toString(), null, "User", null, List.of(new ModifiedProperty("AssignedLicense",
                        "[\"[SkuName=SPB]\"]", "[]")))), List.of());
    }

    /** {@code activity} on the user {@code userId} at {@code at}, by the system (licensing-service). */
    public static DirectoryAuditRecorded bySystem(UUID tenantId, String activity, UUID userId, Instant at) {
        return entry(tenantId, activity, new Initiator(null, new AppIdentity(null, "licensing-service", null)), userId, at);
    }

    private static DirectoryAuditRecorded entry(UUID tenantId, String activity, Initiator initiator, UUID userId,
            Instant at) {
        return new DirectoryAuditRecorded(tenantId, "UserManagement", UUID.randomUUID(), "success", null, activity, at,
                "Core Directory", "Update", initiator, List.of(new Target(userId.toString(), "Adele Vance", "User",
                        "adele@contoso.com", List.of(new ModifiedProperty("AssignedLicense",
                                "[\"[SkuName=SPB]\"]", "[]")))), List.of());
    }

    /** Publishes {@code entry} under a fresh event id; returns the id (the entry's id in the log). */
    public static UUID publish(DirectoryAuditRecorded entry) {
        UUID id = UUID.randomUUID();
        Map<String, String> headers = TestEvents.headers(id, EventType.DIRECTORY_AUDIT_RECORDED.ceType(),
                "/licensing-service");
        headers.put(CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.activityDateTime().atOffset(ZoneOffset.UTC)));
        publishRaw(UUID.randomUUID().toString(), EventJson.write(entry), headers);
        return id;
    }

    /** Publishes any record at all, well-formed or not. */
    public static void publishRaw(String key, String value, Map<String, String> headers) {
        companion().produceStrings().fromRecords(TestEvents.record(Topics.AUDIT_EVENTS, key, value, headers))
                .awaitCompletion();
    }

    /** The records with {@code key} on directory-service's dead-letter topic of audit events, waiting for {@code count}. */
    public static List<ConsumerRecord<String, String>> deadLetters(String key, int count) {
        return companion().consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(DEAD_LETTER_TOPIC, records -> records.select().where(r -> key.equals(r.key())).select().first(count))
                .awaitCompletion(KEPT)
                .getRecords();
    }

    /** Waits until directory-service has kept (and committed) every record published so far to the audit topic. */
    public static void awaitAllKept() {
        Kafka.awaitCommitted(companion(), Topics.AUDIT_EVENTS, "directory-service", KEPT);
    }
}
