package org.licenselifecycle.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.support.inbox.Db.userUpdated;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.support.inbox.Delivery.Outcome;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.Rig;

/**
 * processed_event and the retry queue are forgotten after the retention ({@code inbox.processed-events.*}),
 * not before, in batches, and replicas cleaning up at the same time delete each row once. Rows are dated by
 * the movable clock, decades back, so that no other test's rows fall due.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class InboxCleanupTest {

    private static final String CONSUMER = "inbox-cleanup-test";

    @Inject
    Inbox inbox;

    @Inject
    InboxCleanup cleanup;

    @Inject
    InboxConfig config;

    @Inject
    MovableClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void appliedEventsAndRetryQueueEntriesAreForgottenAfterTheRetentionNotBefore() {
        Instant longAgo = Instant.parse("1990-03-01T00:00:00Z");
        Duration retention = config.processedEvents().retention();
        clock.fixAt(longAgo);
        UUID older = apply();
        String queuedKey = UUID.randomUUID().toString();
        UUID queued = UUID.randomUUID();
        assertThat(inbox.deliver(CONSUMER, userUpdated(queued, queuedKey), (type, event) -> {
            throw new IllegalStateException("lock timeout");
        }).outcome()).isEqualTo(Outcome.RETRY_LATER);
        clock.fixAt(longAgo.plus(Duration.ofDays(1)));
        UUID younger = apply();

        clock.fixAt(longAgo.plus(retention).minusSeconds(1));
        cleanup.deleteExpired();
        assertThat(processed(older)).as("one second short of the retention").isEqualTo(1);
        assertThat(queued(queued)).isEqualTo(1);

        clock.fixAt(longAgo.plus(retention).plusSeconds(1));
        cleanup.deleteExpired();
        assertThat(processed(older)).isZero();
        assertThat(queued(queued)).isZero();
        assertThat(processed(younger)).isEqualTo(1);
    }

    @Test
    void replicasCleaningUpAtOnceDeleteEachExpiredRowOnceBatchAfterBatch() throws Exception {
        Instant longAgo = Instant.parse("1985-07-01T00:00:00Z");
        clock.fixAt(longAgo);
        int rows = config.processedEvents().cleanupBatchSize() * 3 + 1;
        for (int i = 0; i < rows; i++) {
            apply();
        }
        clock.fixAt(longAgo.plus(config.processedEvents().retention()).plus(Duration.ofDays(1)));
        OffsetDateTime cutoff = clock.instant().minus(config.processedEvents().retention()).atOffset(ZoneOffset.UTC);
        long expired = Db.count(dataSource, "SELECT count(*) FROM processed_event WHERE processed_at < ?", cutoff)
                + Db.count(dataSource, "SELECT count(*) FROM retry_queue WHERE queued_at < ?", cutoff);
        long kept = Db.count(dataSource, "SELECT count(*) FROM processed_event WHERE processed_at >= ?", cutoff);
        assertThat(expired).isGreaterThanOrEqualTo(rows);

        ExecutorService replicas = Executors.newFixedThreadPool(3);
        long deleted = 0;
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(replicas.submit(cleanup::deleteExpired));
            }
            for (Future<Long> run : runs) {
                deleted += run.get();
            }
        } finally {
            replicas.shutdown();
        }

        assertThat(deleted).as("each expired row deleted by exactly one replica").isEqualTo(expired);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM processed_event WHERE processed_at < ?", cutoff)).isZero();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM processed_event WHERE processed_at >= ?", cutoff))
                .isGreaterThanOrEqualTo(kept);
    }

    private UUID apply() {
        UUID eventId = UUID.randomUUID();
        assertThat(inbox.deliver(CONSUMER, userUpdated(eventId), (type, event) -> { }).outcome())
                .isEqualTo(Outcome.APPLIED);
        return eventId;
    }

    private long processed(UUID eventId) {
        return Db.processed(dataSource, CONSUMER, eventId);
    }

    private long queued(UUID eventId) {
        return Db.count(dataSource, "SELECT count(*) FROM retry_queue WHERE consumer = ? AND event_id = ?", CONSUMER, eventId);
    }
}
