package org.licenselifecycle.support.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.licenselifecycle.support.sql.Sql;

/**
 * Deletes outbox rows the broker acknowledged, or an administrator discarded, longer ago than the retention, so
 * the table stays small.
 */
@ApplicationScoped
public class OutboxCleanup {

    private final Sql sql;
    private final OutboxConfig config;
    private final Clock clock;

    OutboxCleanup(Sql sql, OutboxConfig config, Clock clock) {
        this.sql = sql;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteExpired() {
        deleteAcknowledgedBeforeRetention();
    }

    /** @return how many acknowledged or discarded rows older than the retention were deleted */
    @Transactional
    public int deleteAcknowledgedBeforeRetention() {
        Instant before = clock.instant().minus(config.retention());
        return sql.update("DELETE FROM outbox_event WHERE sent_at < ?", before)
                + sql.update("DELETE FROM outbox_event WHERE discarded_at < ?", before);
    }
}
