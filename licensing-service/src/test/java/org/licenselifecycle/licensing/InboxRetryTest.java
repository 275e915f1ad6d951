package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.support.inbox.Inbox;
import org.licenselifecycle.support.inbox.InboxConfig;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * A consumer's effect that fails is tried again in a fresh transaction before the event goes to the
 * dead-letter topic; a malformed event is not tried again; an event is applied at most once.
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

    @Test
    void aPassingFailureIsTriedAgainAndTheEventAppliedOnce() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger tries = new AtomicInteger();

        inbox.receive(CONSUMER, userUpdated(eventId), (type, event) -> {
            if (tries.incrementAndGet() < 3) {
                throw new IllegalStateException("the database is restarting");
            }
        });

        assertThat(tries).hasValue(3);
        assertThat(processed(eventId)).as("the failed tries rolled back their record of the event").isEqualTo(1);
    }

    @Test
    void aFailureThatOutlastsEveryTryReachesTheConnectorForTheDeadLetterTopicAndRecordsNothing() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> inbox.receive(CONSUMER, userUpdated(eventId), (type, event) -> {
            tries.incrementAndGet();
            throw new IllegalStateException("still down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("still down");

        assertThat(tries).hasValue(config.attempts());
        assertThat(processed(eventId)).isZero();
    }

    @Test
    void anEventWhoseDataCannotBeReadIsNotTriedAgain() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> inbox.receive(CONSUMER, userUpdated(eventId), (type, event) -> {
            tries.incrementAndGet();
            throw new MalformedEventException("data does not match the schema");
        })).isInstanceOf(MalformedEventException.class);

        assertThat(tries).hasValue(1);
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger effects = new AtomicInteger();

        inbox.receive(CONSUMER, userUpdated(eventId), (type, event) -> effects.incrementAndGet());
        inbox.receive(CONSUMER, userUpdated(eventId), (type, event) -> effects.incrementAndGet());

        assertThat(effects).hasValue(1);
        assertThat(processed(eventId)).isEqualTo(1);
    }

    private long processed(UUID eventId) {
        return Db.count(dataSource, "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", CONSUMER, eventId);
    }

    private static ConsumerRecord<String, String> userUpdated(UUID eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("directory.user-events", 0, 0L, UUID.randomUUID().toString(), "{}");
        Map<String, String> headers = TestEvents.headers(eventId, EventType.USER_UPDATED.ceType(), "/directory-service");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
