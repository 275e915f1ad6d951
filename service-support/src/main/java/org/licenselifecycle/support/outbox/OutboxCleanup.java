package org.licenselifecycle.support.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Deletes outbox rows the broker acknowledged longer ago than the retention, so the table stays small. */
@ApplicationScoped
public class OutboxCleanup {

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Clock clock;

    OutboxCleanup(EntityManager entityManager, OutboxConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteExpired() {
        deleteAcknowledgedBeforeRetention();
    }

    /** @return how many acknowledged rows older than the retention were deleted */
    @Transactional
    public int deleteAcknowledgedBeforeRetention() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(config.retention()), ZoneOffset.UTC);
        return entityManager.createNativeQuery("DELETE FROM outbox_event WHERE sent_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
