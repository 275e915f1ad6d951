package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * "After the 30-day grace period, the data is deleted and can't be recovered ... the content that matches
 * retention labels is retained for discovery." The job claims due mailboxes (disconnected or soft-deleted,
 * not held, purge date reached by the injected Clock) in batches with {@code FOR UPDATE SKIP LOCKED}, so
 * that several replicas share the work and never purge one mailbox twice; each batch is one statement in
 * one transaction: unlabelled items deleted, labelled ones marked retained, the mailbox PURGED, the timeline
 * written. A purged mailbox no longer matches, so running again does nothing more.
 */
@ApplicationScoped
public class GracePeriodPurge {

    private static final Logger LOG = Logger.getLogger(GracePeriodPurge.class);

    // The row lock is re-checked by PostgreSQL against the latest row version: a mailbox reconnected or
    // held (purge_after set to NULL) after this statement's snapshot no longer qualifies.
    private static final String PURGE_BATCH = """
            WITH due AS (
                SELECT m.user_id FROM mailbox m
                WHERE m.state IN ('DISCONNECTED', 'SOFT_DELETED') AND m.purge_after <= :now
                  AND NOT EXISTS (SELECT 1 FROM mailbox_hold h WHERE h.user_id = m.user_id)
                ORDER BY m.purge_after
                LIMIT :batch
                FOR UPDATE OF m SKIP LOCKED
            ), gone AS (
                DELETE FROM mailbox_item i USING due
                WHERE i.user_id = due.user_id AND i.retention_label IS NULL
                RETURNING i.user_id
            ), kept AS (
                UPDATE mailbox_item i SET retained_at = :now FROM due
                WHERE i.user_id = due.user_id AND i.retention_label IS NOT NULL AND i.retained_at IS NULL
                RETURNING i.user_id, i.retention_label
            ), purged AS (
                UPDATE mailbox m SET state = 'PURGED', searchable = FALSE, purge_after = NULL, purged_at = :now,
                    updated_at = :now, version = m.version + 1
                FROM due WHERE m.user_id = due.user_id
                RETURNING m.user_id, m.tenant_id
            ), gone_count AS (
                SELECT user_id, count(*) AS n FROM gone GROUP BY user_id
            ), kept_count AS (
                SELECT user_id, count(*) AS n, string_agg(DISTINCT retention_label, ', ' ORDER BY retention_label) AS labels
                FROM kept GROUP BY user_id
            ), logged AS (
                INSERT INTO timeline_entry (tenant_id, user_id, at, event, actor, detail)
                SELECT p.tenant_id, p.user_id, :now, 'MAILBOX_PURGED', NULL,
                    'Retention over: mailbox content deleted for good (' || coalesce(g.n, 0) || ' items); '
                    || CASE WHEN k.n IS NULL THEN 'nothing kept.'
                            ELSE k.n || ' items kept for discovery under retention labels: ' || k.labels || '.' END
                FROM purged p LEFT JOIN gone_count g ON g.user_id = p.user_id LEFT JOIN kept_count k ON k.user_id = p.user_id
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM purged), (SELECT count(*) FROM gone), (SELECT count(*) FROM kept)
            """;

    private final EntityManager em;
    private final Clock clock;
    private final PurgeConfig config;

    GracePeriodPurge(EntityManager em, Clock clock, PurgeConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "grace-period-purge", every = "${lifecycle.purge.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purgeDue().ifPresent(run -> LOG.infof("Purged %d mailboxes (%d items deleted, %d kept under retention labels)",
                run.mailboxesPurged(), run.itemsDeleted(), run.itemsRetained()));
    }

    /**
     * Purges every mailbox due now, batch after batch, and records the run when it purged a mailbox (a run
     * that found nothing due leaves no row: the job runs every minute on every replica).
     *
     * @return the recorded run, empty when nothing was due
     */
    public Optional<PurgeRunView> purgeDue() {
        Instant now = clock.instant();
        int mailboxes = 0;
        long deleted = 0;
        long retained = 0;
        while (true) {
            Object[] batch = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(PURGE_BATCH)
                    .setParameter("now", now)
                    .setParameter("batch", config.batchSize())
                    .getSingleResult());
            int purged = ((Number) batch[0]).intValue();
            mailboxes += purged;
            deleted += ((Number) batch[1]).longValue();
            retained += ((Number) batch[2]).longValue();
            if (purged < config.batchSize()) {
                break;
            }
        }
        if (mailboxes == 0) {
            return Optional.empty(); // items are deleted or kept only with their mailbox
        }
        PurgeRun run = new PurgeRun();
        run.startedAt = now;
        run.finishedAt = clock.instant();
        run.mailboxesPurged = mailboxes;
        run.itemsDeleted = deleted;
        run.itemsRetained = retained;
        QuarkusTransaction.requiringNew().run(run::persist);
        return Optional.of(PurgeRunView.of(run));
    }

    /** The latest runs, newest first. */
    public List<PurgeRunView> latestRuns(int top) {
        return PurgeRun.<PurgeRun>find("order by id desc").page(0, top).list().stream().map(PurgeRunView::of).toList();
    }

    /** The timeline's words for one mailbox's purge. */
    static String describe(int deleted, int retained, List<String> labels) {
        return "Retention over: mailbox content deleted for good (" + deleted + " items); "
                + (retained == 0 ? "nothing kept." : retained + " items kept for discovery under retention labels: "
                        + String.join(", ", labels) + ".");
    }
}
