package org.licenselifecycle.licensing;

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
     * Locks the seat rows of {@code first} then {@code second}; on its first run it waits, holding the first,
     * until the other racer holds its own first row, so that two racers taking them in opposite orders deadlock.
     *
     * @param runs one transaction id recorded per run
     */
    @Transactional
    public void lockSeatsInOrder(boolean throughTheOrm, UUID tenantId, UUID first, UUID second, CyclicBarrier bothHoldOne,
            List<Long> runs) throws Exception {
        runs.add(((Number) entityManager.createNativeQuery("SELECT txid_current()").getSingleResult()).longValue());
        lockSeat(throughTheOrm, tenantId, first);
        if (runs.size() == 1) {
            bothHoldOne.await(30, TimeUnit.SECONDS);
        }
        lockSeat(throughTheOrm, tenantId, second);
    }

    private void lockSeat(boolean throughTheOrm, UUID tenantId, UUID skuId) {
        String lock = "SELECT sku_id FROM seat_count WHERE tenant_id = ?1 AND sku_id = ?2 FOR UPDATE";
        if (throughTheOrm) {
            entityManager.createNativeQuery(lock).setParameter(1, tenantId).setParameter(2, skuId).getResultList();
        } else {
            sql.list(lock.replaceAll("\\?\\d", "?"), row -> row.getObject(1), tenantId, skuId);
        }
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
