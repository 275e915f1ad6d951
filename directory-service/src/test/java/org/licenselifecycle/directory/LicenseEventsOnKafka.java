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
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.GroupLicensesChanged;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.events.ServicePlan;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * License events published to the rig's broker as licensing-service publishes them (binary CloudEvents keyed by
 * user, with Microsoft's real product and plan ids), for the directory's read model of its users' licenses.
 */
public final class LicenseEventsOnKafka {

    public static final Duration APPLIED = Duration.ofSeconds(30);
    public static final String DEAD_LETTER_TOPIC = Topics.deadLetterTopic(Topics.LICENSE_EVENTS, "directory-service");

    public static final UUID BUSINESS_PREMIUM = UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46");
    public static final UUID OFFICE_365_E3 = UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900");
    public static final ServicePlan EXCHANGE_S_STANDARD =
            new ServicePlan(UUID.fromString("9aaf7827-d63c-4b61-89c3-182f06f82e5c"), "EXCHANGE_S_STANDARD", "exchange");
    public static final ServicePlan EXCHANGE_S_ENTERPRISE =
            new ServicePlan(UUID.fromString("efb87545-963c-4e0d-99df-69c6916d9eb0"), "EXCHANGE_S_ENTERPRISE", "exchange");
    public static final ServicePlan SHAREPOINTSTANDARD =
            new ServicePlan(UUID.fromString("c7699d2e-19aa-44de-8edf-1736da088ca1"), "SHAREPOINTSTANDARD", "SharePoint");
    public static final ServicePlan SHAREPOINTENTERPRISE =
            new ServicePlan(UUID.fromString("5dbe027f-2339-4123-9542-606e4d348a72"), "SHAREPOINTENTERPRISE", "SharePoint");
    public static final ServicePlan TEAMS1 =
            new ServicePlan(UUID.fromString("57ff2da0-773e-42df-b2af-ffb7a2317929"), "TEAMS1", "TeamspaceAPI");

    private static KafkaCompanion companion;

    private LicenseEventsOnKafka() {
    }

    private static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = Kafka.companion();
        }
        return companion;
    }

    /** Business Premium with Exchange and SharePoint enabled and Teams turned off, assigned directly at {@code at}. */
    public static LicenseAssigned businessPremium(UUID tenantId, UUID userId, Instant at) {
        return new LicenseAssigned(tenantId, userId, "user-" + userId + "@contoso.com", BUSINESS_PREMIUM, "SPB",
                List.of(EXCHANGE_S_STANDARD, SHAREPOINTSTANDARD), true, UUID.randomUUID(), at,
                List.of(TEAMS1.servicePlanId()), null);
    }

    /** Office 365 E3 in full, inherited from {@code group} (null: assigned directly). */
    public static LicenseAssigned office365E3(UUID tenantId, UUID userId, UUID group, Instant at) {
        return new LicenseAssigned(tenantId, userId, "user-" + userId + "@contoso.com", OFFICE_365_E3, "ENTERPRISEPACK",
                List.of(EXCHANGE_S_ENTERPRISE, SHAREPOINTENTERPRISE, TEAMS1), true, UUID.randomUUID(), at, List.of(), group);
    }

    /** The removal of what {@code assigned} gave. */
    public static LicenseRemoved removal(LicenseAssigned assigned, Instant at) {
        return new LicenseRemoved(assigned.tenantId(), assigned.userId(), assigned.userPrincipalName(), assigned.skuId(),
                assigned.skuPartNumber(), assigned.servicePlans(), assigned.exchangeOnline(), false,
                RemovalReason.UNASSIGNED, UUID.randomUUID(), at);
    }

    /** Publishes {@code data} under a fresh event id, with {@code ce_time} = {@code time}; returns the id. */
    public static UUID publish(Record data, Instant time) {
        UUID id = UUID.randomUUID();
        publish(id, data, time);
        return id;
    }

    /** Publishes {@code data} under {@code eventId}, e.g. to deliver the same event again. */
    public static void publish(UUID eventId, Record data, Instant time) {
        Map<String, String> headers = TestEvents.headers(eventId, EventType.of(data).ceType(), "/licensing-service");
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)));
        publishRaw(key(data).toString(), EventJson.write(data), headers);
    }

    /** Publishes any record at all, well-formed or not. */
    public static void publishRaw(String key, String value, Map<String, String> headers) {
        companion().produceStrings().fromRecords(TestEvents.record(Topics.LICENSE_EVENTS, key, value, headers)).awaitCompletion();
    }

    /** The records with {@code key} on directory-service's dead-letter topic, waiting until there are {@code count}. */
    public static List<ConsumerRecord<String, String>> deadLetters(String key, int count) {
        return companion().consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(DEAD_LETTER_TOPIC, records -> records.select().where(r -> key.equals(r.key())).select().first(count))
                .awaitCompletion(APPLIED)
                .getRecords();
    }

    /**
     * Waits until directory-service has applied (and committed) every record published so far to
     * licensing.license-events, so that a test can assert that an event changed nothing.
     */
    public static void awaitAllApplied() {
        Kafka.awaitCommitted(companion(), Topics.LICENSE_EVENTS, "directory-service", APPLIED);
    }

    /** The event's Kafka key, as licensing-service keys it: the user's id, a group's for GroupLicensesChanged. */
    private static UUID key(Record data) {
        if (data instanceof LicenseAssigned assigned) {
            return assigned.userId();
        }
        if (data instanceof LicenseRemoved removed) {
            return removed.userId();
        }
        if (data instanceof LicenseAssignmentStatesChanged states) {
            return states.userId();
        }
        if (data instanceof GroupLicensesChanged group) {
            return group.groupId();
        }
        throw new IllegalArgumentException("Not a license event: " + data);
    }
}
