package org.licenselifecycle.directory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.BUSINESS_PREMIUM;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.OFFICE_365_E3;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.TEAMS1;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.businessPremium;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.office365E3;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.removal;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.support.inbox.Delivery;
import org.licenselifecycle.support.inbox.Inbox;
import org.licenselifecycle.support.sql.Sql;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * A batch's license events of users, kept together in a statement per table ({@code UserLicenses.keepAll}), leave the
 * read models as keeping them one by one (each in the one-row statement) does: a user's product or states coming again in the batch, an older event
 * after a newer one, an event of a user the directory does not have.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class LicenseEventsTogetherTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");

    @Inject
    Inbox inbox;

    @Inject
    LicenseEventsConsumer consumer;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void licenseEventsKeptTogetherLeaveWhatKeepingThemOneByOneLeaves() {
        UUID tenant = UUID.randomUUID();
        UUID together = UUID.fromString(createUser(tenant, "adele"));
        UUID oneByOne = UUID.fromString(createUser(tenant, "alex"));
        UUID group = UUID.randomUUID();

        List<Delivery> batch = inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, events(tenant, together, group),
                consumer.effects());
        List<Delivery> single = events(tenant, oneByOne, group).stream()
                .map(record -> inbox.deliver(LicenseEventsConsumer.CONSUMER, record, consumer.effects())).toList();

        assertThat(batch).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.APPLIED);
        assertThat(single).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.APPLIED);
        assertThat(kept(together)).isEqualTo(kept(oneByOne));
        assertThat(kept(together)).as("Business Premium removed on Tuesday, the older assignment after it changing nothing;"
                + " E3 from the group; Tuesday's states").containsExactly(
                "license " + OFFICE_365_E3 + " held=true disabled=[] group=" + group + " at " + MONDAY,
                "license " + BUSINESS_PREMIUM + " held=false disabled=[" + TEAMS1.servicePlanId() + "] group=null at "
                        + TUESDAY,
                "states 1 at " + TUESDAY);
    }

    /**
     * Business Premium and E3 (from a group) assigned on Monday, Business Premium removed on Tuesday and its Monday
     * assignment delivered again under a new id, the states of Tuesday then of Monday, and a license of a user the
     * directory does not have.
     */
    private static List<ConsumerRecord<String, String>> events(UUID tenant, UUID user, UUID group) {
        LicenseAssigned premium = businessPremium(tenant, user, MONDAY);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        records.add(record(user, premium, MONDAY));
        records.add(record(user, office365E3(tenant, user, group, MONDAY), MONDAY));
        records.add(record(user, removal(premium, TUESDAY), TUESDAY));
        records.add(record(user, businessPremium(tenant, user, MONDAY), MONDAY));
        records.add(record(user, new LicenseAssignmentStatesChanged(tenant, user, List.of(
                new LicenseAssignmentState(OFFICE_365_E3, List.of(), group, "Active", "None", TUESDAY)), TUESDAY), TUESDAY));
        records.add(record(user, new LicenseAssignmentStatesChanged(tenant, user, List.of(), MONDAY), MONDAY));
        UUID unknown = UUID.randomUUID();
        records.add(record(unknown, businessPremium(tenant, unknown, MONDAY), MONDAY));
        return records;
    }

    private static ConsumerRecord<String, String> record(UUID user, Record data, Instant time) {
        Map<String, String> headers = TestEvents.headers(UUID.randomUUID(), EventType.of(data).ceType(), "/licensing-service");
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)));
        return TestEvents.received(Topics.LICENSE_EVENTS, user.toString(), EventJson.write(data), headers);
    }

    /** The user's rows in both read models, in words. */
    private List<String> kept(UUID user) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT sku_id, held, disabled_plans::text, assigned_by_group, changed_at FROM user_license
                    WHERE user_id = ? ORDER BY sku_id""")) {
                s.setObject(1, user);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add("license " + r.getString(1) + " held=" + r.getBoolean(2) + " disabled="
                                + r.getString(3).replace('{', '[').replace('}', ']') + " group=" + r.getString(4) + " at "
                                + Sql.instant(r, 5));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT jsonb_array_length(latest -> 'states'), changed_at FROM user_license_states WHERE user_id = ?""")) {
                s.setObject(1, user);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add("states " + r.getInt(1) + " at " + Sql.instant(r, 2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
