package org.licenselifecycle.lifecycle.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * "After the 30-day grace period, the data is deleted and can't be recovered ... the content that matches retention
 * labels is retained for discovery": what a purge does to a mailbox's items and the words it leaves on the timeline,
 * stated once, as one statement that both paths run: the purge job for a batch of due mailboxes
 * ({@link GracePeriodPurge}) and {@link MailboxService} for one due mailbox whose license or user comes back.
 */
@ApplicationScoped
public class MailboxContent {

    /**
     * Follows the CTEs {@code due (user_id)} naming the mailboxes whose content goes and {@code purged (user_id,
     * tenant_id)} naming them with their tenants: unlabelled items deleted, labelled ones marked retained, one
     * timeline line per mailbox. Returns the mailboxes, items deleted, items kept.
     */
    private static final String PURGE_CONTENT = """
            , gone AS (
                DELETE FROM mailbox_item i USING due
                WHERE i.user_id = due.user_id AND i.retention_label IS NULL
                RETURNING i.user_id
            ), kept AS (
                UPDATE mailbox_item i SET retained_at = :now FROM due
                WHERE i.user_id = due.user_id AND i.retention_label IS NOT NULL AND i.retained_at IS NULL
                RETURNING i.user_id, i.retention_label
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

    private static final String ONE_MAILBOX = "WITH purged AS (SELECT CAST(:user AS uuid) AS user_id, "
            + "CAST(:tenant AS uuid) AS tenant_id), due AS (SELECT user_id FROM purged)" + PURGE_CONTENT;

    private final EntityManager em;

    MailboxContent(EntityManager em) {
        this.em = em;
    }

    /**
     * The purge statement for the mailboxes the given CTEs name.
     *
     * @param due CTEs (without {@code WITH}) that include {@code due (user_id)} and {@code purged (user_id,
     *     tenant_id)}
     */
    static String purgeStatement(String due) {
        return "WITH " + due + PURGE_CONTENT;
    }

    /** Purges one mailbox's content now; the caller holds the mailbox's lock and marks it purged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(UUID tenantId, UUID userId, Instant now) {
        em.createNativeQuery(ONE_MAILBOX)
                .setParameter("user", userId)
                .setParameter("tenant", tenantId)
                .setParameter("now", now)
                .getSingleResult();
    }
}
