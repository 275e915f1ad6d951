package org.licenselifecycle.licensing.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * The seat counter per tenant and product, changed in the same transaction as the subscription or the
 * assignment that moves it. Taking a seat is a single conditional UPDATE, so concurrent assignments
 * racing for the last seat cannot oversell it, and nothing ever counts assignment rows.
 */
@ApplicationScoped
public class Seats {

    private final EntityManager entityManager;

    Seats(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Adds a subscription's licenses to the product's total.
     *
     * @return false when the total would exceed what a seat count can hold (nothing changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean addLicenses(UUID tenantId, UUID skuId, int licenses) {
        return seatUpdate("""
                INSERT INTO seat_count (tenant_id, sku_id, total, assigned) VALUES (?1, ?2, ?3, 0)
                ON CONFLICT (tenant_id, sku_id) DO UPDATE SET total = seat_count.total + EXCLUDED.total
                WHERE seat_count.total <= 2147483647 - EXCLUDED.total""")
                .setParameter(1, tenantId)
                .setParameter(2, skuId)
                .setParameter(3, licenses)
                .executeUpdate() == 1;
    }

    /**
     * Takes {@code licenses} off the product's total, never below what is assigned.
     *
     * @return false when that many are not free (nothing changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean removeLicenses(UUID tenantId, UUID skuId, int licenses) {
        return seatUpdate("""
                UPDATE seat_count SET total = total - ?3
                WHERE tenant_id = ?1 AND sku_id = ?2 AND total - ?3 >= assigned""")
                .setParameter(1, tenantId)
                .setParameter(2, skuId)
                .setParameter(3, licenses)
                .executeUpdate() == 1;
    }

    /** Counts licenses given out before their subscription joined the product's total (a take-over). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAssigned(UUID tenantId, UUID skuId, int assigned) {
        seatUpdate("""
                UPDATE seat_count SET assigned = assigned + ?3 WHERE tenant_id = ?1 AND sku_id = ?2""")
                .setParameter(1, tenantId)
                .setParameter(2, skuId)
                .setParameter(3, assigned)
                .executeUpdate();
    }

    /** The product's seats, or none when the tenant has no subscription to assign it from. */
    public Optional<SeatCount> of(UUID tenantId, UUID skuId) {
        return read("WHERE tenant_id = ?1 AND sku_id = ?2", tenantId, skuId).stream().findFirst();
    }

    /** Takes one seat of the product; false when none is available (nothing changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(UUID tenantId, UUID skuId) {
        return seatUpdate("""
                UPDATE seat_count SET assigned = assigned + 1
                WHERE tenant_id = ?1 AND sku_id = ?2 AND assigned < total""")
                .setParameter(1, tenantId)
                .setParameter(2, skuId)
                .executeUpdate() == 1;
    }

    /** Gives a seat back when a license leaves a user. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID tenantId, UUID skuId) {
        int updated = seatUpdate("""
                UPDATE seat_count SET assigned = assigned - 1
                WHERE tenant_id = ?1 AND sku_id = ?2 AND assigned > 0""")
                .setParameter(1, tenantId)
                .setParameter(2, skuId)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No assigned seat of " + skuId + " to release in tenant " + tenantId);
        }
    }

    /**
     * A statement that changes only {@code seat_count}. Declaring the table lets Hibernate skip flushing the
     * session first (no entity maps that table), so the assignment changes of the same transaction are
     * written once instead of before every seat move.
     */
    private Query seatUpdate(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("seat_count");
    }

    /** Whether the tenant has bought the product (holds a subscription for it). */
    public boolean owns(UUID tenantId, UUID skuId) {
        return of(tenantId, skuId).isPresent();
    }

    public List<SeatCount> ofTenant(UUID tenantId) {
        return read("WHERE tenant_id = ?1", tenantId);
    }

    @SuppressWarnings("unchecked")
    private List<SeatCount> read(String where, Object... parameters) {
        Query query = entityManager.createNativeQuery("SELECT sku_id, total, assigned FROM seat_count " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new SeatCount((UUID) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue()))
                .toList();
    }
}
