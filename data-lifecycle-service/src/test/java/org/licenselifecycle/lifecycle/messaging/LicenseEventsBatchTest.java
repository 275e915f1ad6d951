package org.licenselifecycle.lifecycle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.awaitAllApplied;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.headers;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publishRaw;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.lifecycle.mailbox.Mailbox;
import org.licenselifecycle.lifecycle.mailbox.MailboxState;
import org.licenselifecycle.support.inbox.Delivery;
import org.licenselifecycle.support.inbox.Inbox;
import org.licenselifecycle.testsupport.Rig;

/**
 * What the license events consumer costs per event: the types it does not apply are passed over unread and unrecorded,
 * and each event of a batch starts with an empty persistence context (so that Hibernate's flush before each query
 * looks at that event's entities only), seeing what the earlier events of its batch changed.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class LicenseEventsBatchTest {

    @Inject
    Inbox inbox;

    @Inject
    LicenseEventsConsumer consumer;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void licenseAssignmentStatesAreNeitherReadNorRecordedHere() {
        TestUser user = TestUser.create();
        UUID states = UUID.randomUUID();

        publishRaw(user.userId().toString(), "not read here", headers(states, EventType.LICENSE_ASSIGNMENT_STATES_CHANGED));
        UUID assigned = publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitAllApplied();

        assertThat(recorded(assigned)).as("the assignment, applied").isTrue();
        assertThat(recorded(states)).as("the states, passed over").isFalse();
    }

    @Test
    void eachEventOfABatchStartsWithAnEmptyPersistenceContextAndSeesTheEarlierOnesEffects() {
        TestUser user = TestUser.create();
        TestUser other = TestUser.create();
        Instant now = Instant.now();
        List<ConsumerRecord<String, String>> batch = List.of(
                record(user, EventType.LICENSE_ASSIGNED, EventJson.write(user.assigned(BUSINESS_PREMIUM, now))),
                record(other, EventType.LICENSE_ASSIGNED, EventJson.write(other.assigned(BUSINESS_PREMIUM, now))),
                record(user, EventType.LICENSE_REMOVED, EventJson.write(user.removed(BUSINESS_PREMIUM, null, now.plusSeconds(1)))));
        List<Integer> entitiesHeld = new ArrayList<>();

        List<Delivery> deliveries = inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, batch, (type, event) -> {
            entitiesHeld.add(entityManager.unwrap(Session.class).getStatistics().getEntityCount());
            consumer.apply(type, event);
        });

        assertThat(deliveries).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.APPLIED);
        assertThat(entitiesHeld).as("entities in the persistence context as each event begins").containsExactly(0, 0, 0);
        assertThat(state(user)).isEqualTo(MailboxState.DISCONNECTED);
        assertThat(state(other)).isEqualTo(MailboxState.ACTIVE);
    }

    private MailboxState state(TestUser user) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Mailbox.<Mailbox>find("userId", user.userId()).firstResult().state);
    }

    private static ConsumerRecord<String, String> record(TestUser user, EventType type, String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.LICENSE_EVENTS, 0, 0L, user.userId().toString(), json);
        headers(UUID.randomUUID(), type)
                .forEach((header, value) -> record.headers().add(header, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private boolean recorded(UUID eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?")) {
            s.setString(1, LicenseEventsConsumer.CONSUMER);
            s.setObject(2, eventId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
