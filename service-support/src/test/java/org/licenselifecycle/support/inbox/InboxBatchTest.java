package org.licenselifecycle.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.support.inbox.Db.userUpdated;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.support.inbox.Delivery.Outcome;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * What the Inbox makes of records applied together ({@link Inbox#deliverTogether}): one transaction records each
 * event with its effect, a batch delivered again is skipped, and a failing or unreadable event among good ones
 * holds none of them back (the batch is applied one by one instead) while its key's later events wait behind it.
 * {@link InboxBatchOnKafkaTest} runs the same through the connector and the broker.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class InboxBatchTest {

    private static final String CONSUMER = "inbox-batch-test";

    @Inject
    Inbox inbox;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AgroalDataSource dataSource;

    private final List<UUID> applied = new CopyOnWriteArrayList<>();
    private final Map<UUID, Object> transactionOf = new ConcurrentHashMap<>();

    @Test
    void eventsAppliedTogetherCommitInOneTransactionEachRecordedOnceAndABatchDeliveredAgainIsSkipped() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<ConsumerRecord<String, String>> batch = ids.stream().map(id -> userUpdated(id)).toList();

        List<Delivery> first = inbox.deliverTogether(CONSUMER, batch, recording(Set.of()));
        List<Delivery> again = inbox.deliverTogether(CONSUMER, batch, recording(Set.of()));

        assertThat(first).extracting(Delivery::outcome).containsOnly(Outcome.APPLIED).hasSize(3);
        assertThat(ids.stream().map(transactionOf::get).distinct()).as("one transaction").hasSize(1);
        assertThat(again).extracting(Delivery::outcome).containsOnly(Outcome.SKIPPED).hasSize(3);
        assertThat(applied).as("each effect once, in order").containsExactlyElementsOf(ids);
        ids.forEach(id -> assertThat(processed(id)).isEqualTo(1));
    }

    @Test
    void aFailingEventAmongGoodOnesGoesToTheRetryTopicsAloneAndTheOthersAreApplied() {
        UUID good = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        String failingKey = UUID.randomUUID().toString();
        UUID alsoGood = UUID.randomUUID();

        List<Delivery> deliveries = inbox.deliverTogether(CONSUMER, List.of(userUpdated(good),
                userUpdated(failing, failingKey), userUpdated(alsoGood)), recording(Set.of(failing)));

        assertThat(deliveries).extracting(Delivery::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.RETRY_LATER, Outcome.APPLIED);
        assertThat(deliveries.get(1).reason()).get().isInstanceOf(EffectFailed.class);
        assertThat(processed(good)).isEqualTo(1);
        assertThat(processed(alsoGood)).isEqualTo(1);
        assertThat(processed(failing)).isZero();
        assertThat(queue(failingKey)).containsExactly(failing);
    }

    @Test
    void aLaterEventOfAFailingEventsKeyInTheSameBatchWaitsBehindItUntried() {
        String key = UUID.randomUUID().toString();
        UUID failing = UUID.randomUUID();
        UUID follower = UUID.randomUUID();
        UUID otherKey = UUID.randomUUID();

        List<Delivery> deliveries = inbox.deliverTogether(CONSUMER, List.of(userUpdated(failing, key), userUpdated(follower, key),
                userUpdated(otherKey)), recording(Set.of(failing)));

        assertThat(deliveries).extracting(Delivery::outcome)
                .containsExactly(Outcome.RETRY_LATER, Outcome.RETRY_LATER, Outcome.APPLIED);
        assertThat(deliveries.get(1).reason()).get().isInstanceOf(WaitsBehindEarlierEvent.class);
        assertThat(applied).containsExactly(otherKey);
        assertThat(queue(key)).containsExactly(failing, follower);
        assertThat(processed(follower)).isZero();
    }

    @Test
    void anUnreadableRecordAmongGoodOnesGoesToTheDeadLetterTopicAndTheOthersAreAppliedTogether() {
        UUID good = UUID.randomUUID();
        UUID alsoGood = UUID.randomUUID();
        ConsumerRecord<String, String> unreadable = userUpdated(UUID.randomUUID());
        unreadable.headers().remove(CloudEventHeaders.ID);

        List<Delivery> deliveries = inbox.deliverTogether(CONSUMER, List.of(userUpdated(good),
                unreadable, userUpdated(alsoGood)), recording(Set.of()));

        assertThat(deliveries).extracting(Delivery::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.DEAD_LETTER, Outcome.APPLIED);
        assertThat(transactionOf.get(good)).isEqualTo(transactionOf.get(alsoGood));
        assertThat(processed(good)).isEqualTo(1);
        assertThat(processed(alsoGood)).isEqualTo(1);
    }

    @Test
    void consecutiveEventsWhoseTypesShareAnEffectAppliedTogetherReachItInOneCallInOrderAndOtherTypesKeepTheirPlace() {
        String key = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        List<List<UUID>> calls = new CopyOnWriteArrayList<>();
        Consumer<List<IncomingEvent>> severalAtOnce = events -> calls.add(events.stream().map(IncomingEvent::id).toList());
        EventEffects effects = EventEffects
                .ofTogether(EventType.USER_UPDATED, severalAtOnce)
                .onTogether(EventType.USER_CREATED, severalAtOnce)
                .on(EventType.USER_DELETED, event -> calls.add(List.of(event.id())));

        List<Delivery> deliveries = inbox.deliverTogether(CONSUMER, List.of(userUpdated(first, key),
                received(second, key, EventType.USER_CREATED), received(deleted, key, EventType.USER_DELETED),
                userUpdated(third), userUpdated(first, key)), effects);

        assertThat(deliveries).extracting(Delivery::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.SKIPPED);
        assertThat(calls).as("a run of the shared effect's types in one call, another type between runs, a redelivery skipped")
                .containsExactly(List.of(first, second), List.of(deleted), List.of(third));
        List.of(first, second, deleted, third).forEach(id -> assertThat(processed(id)).isEqualTo(1));
    }

    @Test
    void aFailingEventOfATypeAppliedTogetherIsRetriedAloneAndTheOthersOfItsRunAreAppliedEachInAListOfOne() {
        UUID good = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        String failingKey = UUID.randomUUID().toString();
        List<List<UUID>> calls = new CopyOnWriteArrayList<>();
        EventEffects effects = EventEffects.ofTogether(EventType.USER_UPDATED, events -> {
            if (events.stream().anyMatch(event -> event.id().equals(failing))) {
                throw new IllegalStateException("the effect of " + failing + " fails");
            }
            calls.add(events.stream().map(IncomingEvent::id).toList());
        });

        List<Delivery> deliveries = inbox.deliverTogether(CONSUMER, List.of(userUpdated(good),
                userUpdated(failing, failingKey)), effects);

        assertThat(deliveries).extracting(Delivery::outcome).containsExactly(Outcome.APPLIED, Outcome.RETRY_LATER);
        assertThat(calls).containsExactly(List.of(good));
        assertThat(processed(good)).isEqualTo(1);
        assertThat(processed(failing)).isZero();
        assertThat(queue(failingKey)).containsExactly(failing);
    }

    private static ConsumerRecord<String, String> received(UUID eventId, String key, EventType type) {
        return TestEvents.received("directory.user-events", key, "{}",
                TestEvents.headers(eventId, type.ceType(), "/directory-service"));
    }

    /** An effect that notes its event and transaction, and fails for the events named. */
    private BiConsumer<EventType, IncomingEvent> recording(Set<UUID> failing) {
        return (type, event) -> {
            if (failing.contains(event.id())) {
                throw new IllegalStateException("the effect of " + event.id() + " fails");
            }
            transactionOf.put(event.id(), transactions.getTransactionKey());
            applied.add(event.id());
        };
    }

    private long processed(UUID eventId) {
        return Db.processed(dataSource, CONSUMER, eventId);
    }

    private List<UUID> queue(String key) {
        return Db.retryQueue(dataSource, CONSUMER, key);
    }
}
