package org.licenselifecycle.lifecycle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.OFFICE_365_E3;
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
import org.licenselifecycle.lifecycle.mailbox.GracePeriodConfig;
import org.licenselifecycle.lifecycle.mailbox.HoldKind;
import org.licenselifecycle.lifecycle.mailbox.Mailbox;
import org.licenselifecycle.lifecycle.mailbox.MailboxService;
import org.licenselifecycle.lifecycle.mailbox.NewHold;
import org.licenselifecycle.lifecycle.mailbox.MailboxState;
import org.licenselifecycle.lifecycle.timeline.TimelineEntry;
import org.licenselifecycle.lifecycle.timeline.TimelineEvent;
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

    @Inject
    MailboxService mailboxes;

    @Inject
    GracePeriodConfig gracePeriod;

    private static final UUID ADMIN = UUID.randomUUID();

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

    @Test
    void removalsAppliedTogetherLeaveEachMailboxAndTimelineAsAppliedOneByOne() {
        List<String> together = removals(true);
        List<String> oneByOne = removals(false);

        assertThat(together).isEqualTo(oneByOne);
        assertThat(together).as("what the removals did, for the record").containsExactly(
                "kept: ACTIVE searchable=true licensedBy=[" + OFFICE_365_E3.skuId() + "] due=false timeline=[]",
                "disconnected: DISCONNECTED searchable=false licensedBy=[] due=true timeline=[License SPB removed (UNASSIGNED); "
                        + "mailbox DISCONNECTED, not searchable, purge due]",
                "held: DISCONNECTED searchable=true licensedBy=[] due=false timeline=[License SPB removed (UNASSIGNED); "
                        + "mailbox DISCONNECTED under [LITIGATION_HOLD], searchable, not purged while held.]",
                "none: no mailbox",
                "both: DISCONNECTED searchable=false licensedBy=[] due=true timeline=[License ENTERPRISEPACK removed (UNASSIGNED); "
                        + "mailbox DISCONNECTED, not searchable, purge due]");
    }

    /**
     * Mailboxes of five users (one keeping Exchange through another product, one losing it, one held, one without a
     * mailbox, one losing both its products in the same batch), their removals applied in one batch through the
     * consumer's effects ({@code together}) or one by one; what each mailbox and its timeline then say.
     */
    private List<String> removals(boolean together) {
        Instant at = Instant.parse("2026-04-01T09:00:00Z");
        TestUser kept = TestUser.create();
        TestUser disconnected = TestUser.create();
        TestUser held = TestUser.create();
        TestUser none = TestUser.create();
        TestUser both = TestUser.create();
        List<ConsumerRecord<String, String>> assignments = new ArrayList<>();
        for (TestUser user : List.of(kept, disconnected, held, both)) {
            assignments.add(record(user, EventType.LICENSE_ASSIGNED, EventJson.write(user.assigned(BUSINESS_PREMIUM, at))));
        }
        assignments.add(record(kept, EventType.LICENSE_ASSIGNED, EventJson.write(kept.assigned(OFFICE_365_E3, at))));
        assignments.add(record(both, EventType.LICENSE_ASSIGNED, EventJson.write(both.assigned(OFFICE_365_E3, at))));
        inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, assignments, consumer.effects());
        QuarkusTransaction.requiringNew().run(() -> mailboxes.placeHold(held.tenantId(), held.userId().toString(),
                new NewHold(HoldKind.LITIGATION_HOLD), null));
        Instant removedAt = at.plusSeconds(3600);
        List<ConsumerRecord<String, String>> removals = List.of(
                record(kept, EventType.LICENSE_REMOVED, EventJson.write(kept.removedKeepingExchange(BUSINESS_PREMIUM, null, removedAt))),
                record(disconnected, EventType.LICENSE_REMOVED, EventJson.write(disconnected.removed(BUSINESS_PREMIUM, ADMIN, removedAt))),
                record(held, EventType.LICENSE_REMOVED, EventJson.write(held.removed(BUSINESS_PREMIUM, ADMIN, removedAt))),
                record(none, EventType.LICENSE_REMOVED, EventJson.write(none.removed(BUSINESS_PREMIUM, ADMIN, removedAt))),
                record(both, EventType.LICENSE_REMOVED, EventJson.write(both.removedKeepingExchange(BUSINESS_PREMIUM, ADMIN, removedAt))),
                record(both, EventType.LICENSE_REMOVED, EventJson.write(both.removed(OFFICE_365_E3, ADMIN, removedAt))));

        List<Delivery> deliveries = together
                ? inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, removals, consumer.effects())
                : removals.stream().map(record -> inbox.deliver(LicenseEventsConsumer.CONSUMER, record, consumer.effects())).toList();

        assertThat(deliveries).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.APPLIED);
        return List.of(describe("kept", kept, removedAt), describe("disconnected", disconnected, removedAt),
                describe("held", held, removedAt), describe("none", none, removedAt), describe("both", both, removedAt));
    }

    private String describe(String name, TestUser user, Instant removedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Mailbox mailbox = Mailbox.<Mailbox>find("userId", user.userId()).firstResult();
            if (mailbox == null) {
                return name + ": no mailbox";
            }
            List<String> timeline = TimelineEntry.<TimelineEntry>list("userId = ?1 and event = ?2 order by id", user.userId(),
                    TimelineEvent.LICENSE_REMOVED).stream()
                    .map(entry -> entry.detail.replaceAll(", purge due .*", ", purge due") + (entry.at.equals(removedAt)
                            && ADMIN.equals(entry.actor) ? "" : " (at " + entry.at + " by " + entry.actor + ")"))
                    .toList();
            boolean due = removedAt.plus(gracePeriod.gracePeriod()).equals(mailbox.purgeAfter);
            return name + ": " + mailbox.state + " searchable=" + mailbox.searchable + " licensedBy=" + mailbox.licensedBy
                    + " due=" + due + " timeline=" + timeline;
        });
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
