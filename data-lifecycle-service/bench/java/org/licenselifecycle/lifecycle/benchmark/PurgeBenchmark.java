package org.licenselifecycle.lifecycle.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.lifecycle.mailbox.GracePeriodPurge;
import org.licenselifecycle.lifecycle.mailbox.PurgeRunView;
import org.licenselifecycle.testsupport.Rig;

/**
 * Benchmark, not part of the test suite (compiled only under the Maven profile {@code bench}): 100,000
 * mailboxes falling due at once, purged by {@link GracePeriodPurge}, against a bare batched DELETE of the
 * same rows. Run it alone on the rig with {@code data-lifecycle-service/bench/run [--mailboxes 100000]}
 * (see bench/README.md).
 *
 * It prints the figures and writes them to {@code target/purge-benchmark.txt}. Each mailbox has two items,
 * one in ten of them under a retention label (kept by the purge, deleted by the bare DELETE).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class PurgeBenchmark {

    private static final int BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    MovableClock clock;

    @Inject
    GracePeriodPurge purge;

    private void seed(int mailboxes, Instant due) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            em.createNativeQuery("""
                    INSERT INTO mailbox (user_id, tenant_id, user_principal_name, state, searchable, exchange_plan, licensed,
                        provisioned_at, removed_at, purge_after, updated_at)
                    SELECT gen_random_uuid(), '00000000-0000-0000-0000-00000000b0b0', 'bench' || n || '@contoso.com',
                        'DISCONNECTED', FALSE, 'EXCHANGE_ONLINE_PLAN_1', FALSE, CAST(:due AS timestamptz) - interval '60 days', CAST(:due AS timestamptz) - interval '30 days',
                        :due, CAST(:due AS timestamptz) - interval '30 days'
                    FROM generate_series(1, :n) AS n
                    """).setParameter("due", due).setParameter("n", mailboxes).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO mailbox_item (id, user_id, tenant_id, subject, body, received_at, retention_label)
                    SELECT gen_random_uuid(), m.user_id, m.tenant_id, 'Subject ' || k, 'Body of item ' || k,
                        m.provisioned_at, CASE WHEN k = 1 AND random() < 0.1 THEN 'Legal-7y' END
                    FROM mailbox m CROSS JOIN generate_series(1, 2) AS k
                    WHERE m.tenant_id = '00000000-0000-0000-0000-00000000b0b0' AND m.state = 'DISCONNECTED'
                    """).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE mailbox").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE mailbox_item").executeUpdate());
    }

    /** The baseline: the same rows removed with nothing but batched DELETEs claimed the same way. */
    private long bareDelete(Instant now) {
        long started = System.nanoTime();
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("""
                        CREATE TEMP TABLE IF NOT EXISTS due_batch (user_id UUID) ON COMMIT DELETE ROWS
                        """).executeUpdate();
                int claimed = em.createNativeQuery("""
                        INSERT INTO due_batch SELECT user_id FROM mailbox
                        WHERE state = 'DISCONNECTED' AND purge_after <= :now ORDER BY purge_after LIMIT :batch
                        FOR UPDATE SKIP LOCKED
                        """).setParameter("now", now).setParameter("batch", BATCH).executeUpdate();
                em.createNativeQuery("DELETE FROM mailbox_item i USING due_batch d WHERE i.user_id = d.user_id").executeUpdate();
                em.createNativeQuery("DELETE FROM mailbox m USING due_batch d WHERE m.user_id = d.user_id").executeUpdate();
                return claimed;
            });
        } while (deleted == BATCH);
        return System.nanoTime() - started;
    }

    @Test
    void purgeOneHundredThousandMailboxesFallingDueAtOnce() throws IOException {
        int mailboxes = Integer.getInteger("benchmark.mailboxes", 100_000);
        Instant due = Instant.parse("2030-01-01T00:00:00Z");

        seed(mailboxes, due);
        clock.fixAt(due);
        long started = System.nanoTime();
        PurgeRunView run = purge.purgeDue().orElseThrow();
        long purgeNanos = System.nanoTime() - started;
        clock.release();

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM mailbox_item WHERE tenant_id = '00000000-0000-0000-0000-00000000b0b0'").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM timeline_entry WHERE tenant_id = '00000000-0000-0000-0000-00000000b0b0'").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM mailbox WHERE tenant_id = '00000000-0000-0000-0000-00000000b0b0'").executeUpdate());
        seed(mailboxes, due);
        long bareNanos = bareDelete(due);

        String report = String.format("""
                Purge benchmark (%d mailboxes due at once, 2 items each, ~10%% labelled; batch %d)
                  GracePeriodPurge: %d mailboxes purged, %d items deleted, %d kept, in %d ms
                  bare batched DELETE of the same rows: %d ms
                  ratio purge / bare DELETE: %.2f
                """, mailboxes, BATCH, run.mailboxesPurged(), run.itemsDeleted(), run.itemsRetained(),
                Duration.ofNanos(purgeNanos).toMillis(), Duration.ofNanos(bareNanos).toMillis(),
                (double) purgeNanos / bareNanos);
        System.out.println(report);
        Files.writeString(Path.of("target", "purge-benchmark.txt"), report);
    }
}
