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
 * retention labels is retained for discovery." The job claims due mailboxes ({@link Mailbox#dueAt} at the
 * injected Clock's time: not purged, not held, purge date reached) in batches with {@code FOR UPDATE SKIP LOCKED}, so
 * that several replicas share the work and never purge one mailbox twice; each batch is one statement in
 * one transaction: the mailbox PURGED ({@link Mailbox}'s rules), its content handled and the timeline written as
 * {@link MailboxContent} says. A purged mailbox no longer matches, so running again does nothing more.
 */
@ApplicationScoped
public class GracePeriodPurge {

    private static final Logger LOG = Logger.getLogger(GracePeriodPurge.class);

    // The row lock is re-checked by PostgreSQL against the latest row version: a mailbox reconnected or
    // held (purge_after set to NULL) after this statement's snapshot no longer qualifies.
    private static final String PURGE_BATCH = MailboxContent.purgeStatement("""
            due AS (
                SELECT m.user_id FROM mailbox m
                WHERE %s
                ORDER BY m.purge_after
                LIMIT :batch
                FOR UPDATE OF m SKIP LOCKED
            ), purged AS (
                UPDATE mailbox m SET %s
                FROM due WHERE m.user_id = due.user_id
                RETURNING m.user_id, m.tenant_id
            )""".formatted(Mailbox.DUE_AT_NOW, Mailbox.PURGED_AT_NOW));

    private final EntityManager em;
    private final Clock clock;
    private final PurgeConfig config;
    private final MailboxMetrics metrics;

    GracePeriodPurge(EntityManager em, Clock clock, PurgeConfig config, MailboxMetrics metrics) {
        this.metrics = metrics;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "grace-period-purge", every = "${lifecycle.purge.every:1m}",
            delayed = "${lifecycle.purge.first-after:30s}",
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
            metrics.purged(purged);
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
}
