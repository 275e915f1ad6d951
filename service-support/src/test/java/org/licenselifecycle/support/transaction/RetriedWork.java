package org.licenselifecycle.support.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.licenselifecycle.support.sql.Sql;

/**
 * Units of work for {@link TransactionRetryTest}: each is a {@code @Transactional} method, as the services'
 * are, and counts its runs.
 */
@ApplicationScoped
public class RetriedWork {

    private final Sql sql;
    private final EntityManager entityManager;

    RetriedWork(Sql sql, EntityManager entityManager) {
        this.sql = sql;
        this.entityManager = entityManager;
    }

    /**
     * Locks the rows {@code first} then {@code second} of {@link RetryProbeRow}'s table; on its first run it waits,
     * holding the first, until the other racer holds its own first row, so that two racers taking them in opposite
     * orders deadlock.
     *
     * @param runs one transaction id recorded per run
     */
    @Transactional
    public void lockRowsInOrder(boolean throughTheOrm, UUID first, UUID second, CyclicBarrier bothHoldOne,
            List<Long> runs) throws Exception {
        runs.add(((Number) entityManager.createNativeQuery("SELECT txid_current()").getSingleResult()).longValue());
        lockRow(throughTheOrm, first);
        if (runs.size() == 1) {
            bothHoldOne.await(30, TimeUnit.SECONDS);
        }
        lockRow(throughTheOrm, second);
    }

    private void lockRow(boolean throughTheOrm, UUID id) {
        String lock = "SELECT id FROM " + RetryProbeRow.TABLE + " WHERE id = ?1 FOR UPDATE";
        if (throughTheOrm) {
            entityManager.createNativeQuery(lock).setParameter(1, id).getResultList();
        } else {
            sql.list(lock.replaceAll("\\?\\d", "?"), row -> row.getObject(1), id);
        }
    }

    /** Two new rows of {@link RetryProbeRow}'s table (created if need be), committed. */
    @Transactional
    public List<UUID> twoRows() {
        sql.update("CREATE TABLE IF NOT EXISTS " + RetryProbeRow.TABLE + " (id uuid PRIMARY KEY)");
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        sql.update("INSERT INTO " + RetryProbeRow.TABLE + " (id) VALUES (?), (?)", ids.get(0), ids.get(1));
        return ids;
    }

    /** Runs {@code work} in a transaction: a new one, or the caller's. */
    @Transactional
    public void run(Runnable work) {
        work.run();
    }

    /** A failure as the ORM or {@link Sql} report one: the driver's SQLException with its SQLSTATE, wrapped. */
    static RuntimeException lost(String sqlState) {
        return new IllegalStateException("wrapped", new SQLException("lost to another transaction", sqlState));
    }
}
