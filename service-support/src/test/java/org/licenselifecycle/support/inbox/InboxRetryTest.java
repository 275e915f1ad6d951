package org.licenselifecycle.support.inbox;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.support.inbox.Db.userUpdated;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.support.inbox.Delivery.Outcome;
import org.licenselifecycle.testsupport.Rig;

/**
 * What the Inbox makes of one delivery (the connector then acknowledges, retries later or dead-letters it):
 * a few short tries in place, then the delayed-retry topics with the event first in its key's queue; a later
 * event of the key waits behind it; an unreadable event goes to the dead-letter topic at once; an interrupt
 * leaves the event for redelivery; an event applies at most once. {@link InboxOnKafkaTest} runs the same
 * through the connector and the broker.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class InboxRetryTest {

    private static final String CONSUMER = "inbox-retry-test";

    @Inject
    Inbox inbox;

    @Inject
    InboxConfig config;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // the interrupt tests leave this thread interrupted, as the Inbox must
    }

    @Test
    void theTriesInPlaceWaitWellUnderASecondInAll() {
        List<Duration> waits = config.retry().waits();

        assertThat(waits).hasSize(config.retry().attempts() - 1).allSatisfy(wait ->
                assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(100)));
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isLessThan(Duration.ofMillis(250));
    }

    @Test
    void aPassingFailureIsTriedAgainInPlaceAndTheEventAppliedOnce() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger tries = new AtomicInteger();

        Delivery delivery = deliver(eventId, UUID.randomUUID().toString(), (type, event) -> {
            if (tries.incrementAndGet() < config.retry().attempts()) {
                throw new IllegalStateException("the database is restarting");
            }
        });

        assertThat(delivery.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(tries).hasValue(config.retry().attempts());
        assertThat(processed(eventId)).as("the failed tries rolled back their record of the event").isEqualTo(1);
    }

    @Test
    void aFailureThatOutlastsTheTriesInPlaceGoesToTheRetryTopicsFirstInItsKeysQueue() {
        UUID eventId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        AtomicInteger tries = new AtomicInteger();

        Delivery delivery = deliver(eventId, key, (type, event) -> {
            tries.incrementAndGet();
            throw new IllegalStateException("still down");
        });

        assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(delivery.reason()).get().extracting(Throwable::getMessage, as(InstanceOfAssertFactories.STRING))
                .contains(eventId.toString()).endsWith("IllegalStateException: still down");
        assertThat(tries).hasValue(config.retry().attempts());
        assertThat(processed(eventId)).isZero();
        assertThat(queue(key)).containsExactly(eventId);
    }

    @Test
    void aLaterEventOfTheKeyWaitsBehindTheRetriedOneUntilItIsApplied() {
        String key = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID otherKey = UUID.randomUUID();
        List<UUID> applied = new CopyOnWriteArrayList<>();
        BiConsumer<EventType, IncomingEvent> works = (type, event) -> applied.add(event.id());

        assertThat(deliver(first, key, (type, event) -> {
            throw new IllegalStateException("lock timeout");
        }).outcome()).isEqualTo(Outcome.RETRY_LATER);
        Delivery waiting = deliver(second, key, works);
        assertThat(deliver(otherKey, UUID.randomUUID().toString(), works).outcome()).isEqualTo(Outcome.APPLIED);

        assertThat(waiting.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(waiting.reason()).get().isInstanceOf(WaitsBehindEarlierEvent.class);
        assertThat(applied).containsExactly(otherKey);
        assertThat(queue(key)).containsExactly(first, second);
        // the second comes back from the retry topic first: it waits again, keeping its place
        assertThat(deliver(second, key, works).outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(queue(key)).containsExactly(first, second);

        assertThat(deliver(first, key, works).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(deliver(second, key, works).outcome()).isEqualTo(Outcome.APPLIED);

        assertThat(applied).containsExactly(otherKey, first, second);
        assertThat(queue(key)).isEmpty();
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAtOnceAndNoLongerHoldsItsKey() {
        String key = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        AtomicInteger tries = new AtomicInteger();
        deliver(eventId, key, (type, event) -> {
            throw new IllegalStateException("lock timeout");
        });

        Delivery delivery = deliver(eventId, key, (type, event) -> {
            tries.incrementAndGet();
            throw new MalformedEventException("data does not match the schema");
        });

        assertThat(delivery.outcome()).isEqualTo(Outcome.DEAD_LETTER);
        assertThat(tries).hasValue(1);
        assertThat(queue(key)).isEmpty();
        assertThat(deliver(UUID.randomUUID(), key, (type, event) -> { }).outcome()).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aRecordThatIsNotACloudEventOfOursGoesToTheDeadLetterTopicAtOnce() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("directory.user-events", 0, 0L, "key", "{}");

        Delivery delivery = inbox.deliver(CONSUMER, record, (type, event) -> { });

        assertThat(delivery.outcome()).isEqualTo(Outcome.DEAD_LETTER);
        assertThat(delivery.reason()).get().isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger effects = new AtomicInteger();

        deliver(eventId, UUID.randomUUID().toString(), (type, event) -> effects.incrementAndGet());
        Delivery again = deliver(eventId, UUID.randomUUID().toString(), (type, event) -> effects.incrementAndGet());

        assertThat(again.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(effects).hasValue(1);
        assertThat(processed(eventId)).isEqualTo(1);
    }

    @Test
    void anInterruptBeforeTheWaitLeavesTheEventForRedeliveryAndKeepsTheThreadInterrupted() {
        UUID eventId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        AtomicInteger tries = new AtomicInteger();

        Delivery delivery = deliver(eventId, key, (type, event) -> {
            tries.incrementAndGet();
            Thread.currentThread().interrupt(); // the service stops while the effect fails
            throw new IllegalStateException("connection closed");
        });

        assertThat(delivery.outcome()).isEqualTo(Outcome.LEFT_FOR_REDELIVERY);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(tries).as("not tried again in place").hasValue(1);
        assertThat(processed(eventId)).isZero();
        assertThat(queue(key)).as("not handed to the retry topics").isEmpty();
    }

    @Test
    void anInterruptDuringATryLeavesTheEventForRedeliveryNotTheDeadLetterTopic() throws Exception {
        UUID eventId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch trying = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService consumerThread = Executors.newSingleThreadExecutor();
        try {
            Future<Delivery> delivery = consumerThread.submit(() -> deliver(eventId, key, (type, event) -> {
                worker.set(Thread.currentThread());
                trying.countDown();
                try {
                    never.await(); // a statement waiting on a lock, say
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted while waiting for a lock", e);
                }
            }));
            trying.await();
            worker.get().interrupt(); // the service stops

            assertThat(delivery.get().outcome()).isEqualTo(Outcome.LEFT_FOR_REDELIVERY);
        } finally {
            consumerThread.shutdownNow();
        }
        assertThat(processed(eventId)).isZero();
        assertThat(queue(key)).isEmpty();
    }

    private Delivery deliver(UUID eventId, String key, BiConsumer<EventType, IncomingEvent> effect) {
        return inbox.deliver(CONSUMER, userUpdated(eventId, key), effect);
    }

    private long processed(UUID eventId) {
        return Db.processed(dataSource, CONSUMER, eventId);
    }

    private List<UUID> queue(String key) {
        return Db.retryQueue(dataSource, CONSUMER, key);
    }
}
