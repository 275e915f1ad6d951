package org.licenselifecycle.support.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.licenselifecycle.support.sql.Sql;

/**
 * Forgets applied events (processed_event) and retry queue entries older than the retention
 * ({@code inbox.processed-events.*}), so the tables stay small. Batch after batch, oldest first, each in its
 * own transaction; rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas that run it at the same
 * time share the rows and delete each once.
 */
@ApplicationScoped
public class InboxCleanup {

    private static final Logger LOG = Logger.getLogger(InboxCleanup.class);

    private static final String PROCESSED_BATCH = """
            DELETE FROM processed_event p USING (
                SELECT consumer, event_id FROM processed_event WHERE processed_at < ?
                ORDER BY processed_at LIMIT ? FOR UPDATE SKIP LOCKED
            ) old WHERE p.consumer = old.consumer AND p.event_id = old.event_id""";

    private static final String QUEUE_BATCH = """
            DELETE FROM retry_queue q USING (
                SELECT seq FROM retry_queue WHERE queued_at < ? ORDER BY queued_at LIMIT ? FOR UPDATE SKIP LOCKED
            ) old WHERE q.seq = old.seq""";

    private final Sql sql;
    private final InboxConfig.ProcessedEventRetention config;
    private final Clock clock;

    InboxCleanup(Sql sql, InboxConfig config, Clock clock) {
        this.sql = sql;
        this.config = config.processedEvents();
        this.clock = clock;
    }

    @Scheduled(identity = "inbox-cleanup", every = "${inbox.processed-events.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        long deleted = deleteExpired();
        if (deleted > 0) {
            LOG.infof("Forgot %d applied events and retry queue entries older than %s", deleted, config.retention());
        }
    }

    /** @return how many processed_event and retry_queue rows older than the retention this call deleted */
    public long deleteExpired() {
        Instant cutoff = clock.instant().minus(config.retention());
        return deleteInBatches(PROCESSED_BATCH, cutoff) + deleteInBatches(QUEUE_BATCH, cutoff);
    }

    private long deleteInBatches(String batch, Instant cutoff) {
        long deleted = 0;
        while (true) {
            int rows = QuarkusTransaction.requiringNew().call(() -> sql.update(batch, cutoff, config.cleanupBatchSize()));
            deleted += rows;
            if (rows < config.cleanupBatchSize()) {
                return deleted;
            }
        }
    }
}
