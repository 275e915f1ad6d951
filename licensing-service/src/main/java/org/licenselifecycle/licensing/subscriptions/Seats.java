package org.licenselifecycle.licensing.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The seat counter per tenant and product, changed in the same transaction as the subscription or the
 * assignment that moves it. Taking a seat is a single conditional UPDATE, so concurrent assignments
 * racing for the last seat cannot oversell it, and nothing ever counts assignment rows.
 */
@ApplicationScoped
public class Seats {

    private final Sql sql;

    Seats(Sql sql) {
        this.sql = sql;
    }

    /**
     * Adds a subscription's licenses to the product's total.
     *
     * @return false when the total would exceed what a seat count can hold (nothing changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean addLicenses(UUID tenantId, UUID skuId, int licenses) {
        return sql.update("""
                INSERT INTO seat_count (tenant_id, sku_id, total, assigned) VALUES (?, ?, ?, 0)
                ON CONFLICT (tenant_id, sku_id) DO UPDATE SET total = seat_count.total + EXCLUDED.total
                WHERE seat_count.total <= 2147483647 - EXCLUDED.total""", tenantId, skuId, licenses) == 1;
    }

    /**
     * Takes {@code licenses} off the product's total, never below what is assigned.
     *
     * @return false when that many are not free (nothing changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean removeLicenses(UUID tenantId, UUID skuId, int licenses) {
        return sql.update("""
                UPDATE seat_count SET total = total - ?
                WHERE tenant_id = ? AND sku_id = ? AND total - ? >= assigned""", licenses, tenantId, skuId, licenses) == 1;
    }

    /** Counts licenses given out before their subscription joined the product's total (a take-over). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAssigned(UUID tenantId, UUID skuId, int assigned) {
        sql.update("UPDATE seat_count SET assigned = assigned + ? WHERE tenant_id = ? AND sku_id = ?",
                assigned, tenantId, skuId);
    }

    /** The product's seats, or none when the tenant has no subscription to assign it from. */
    public Optional<SeatCount> of(UUID tenantId, UUID skuId) {
        return read("WHERE tenant_id = ? AND sku_id = ?", tenantId, skuId).stream().findFirst();
    }

    /** Takes {@code seats} seats of the product; false when fewer are available (nothing changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(UUID tenantId, UUID skuId, int seats) {
        return sql.update("""
                UPDATE seat_count SET assigned = assigned + ?
                WHERE tenant_id = ? AND sku_id = ? AND assigned <= total - ?""", seats, tenantId, skuId, seats) == 1;
    }

    /** Gives {@code seats} seats back when licenses leave users. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID tenantId, UUID skuId, int seats) {
        int updated = sql.update("""
                UPDATE seat_count SET assigned = assigned - ?
                WHERE tenant_id = ? AND sku_id = ? AND assigned >= ?""", seats, tenantId, skuId, seats);
        if (updated != 1) {
            throw new IllegalStateException("No " + seats + " assigned seats of " + skuId + " to release in tenant " + tenantId);
        }
    }

    /** Whether the tenant has bought the product (holds a subscription for it). */
    public boolean owns(UUID tenantId, UUID skuId) {
        return of(tenantId, skuId).isPresent();
    }

    public List<SeatCount> ofTenant(UUID tenantId) {
        return read("WHERE tenant_id = ?", tenantId);
    }

    private List<SeatCount> read(String where, Object... parameters) {
        return sql.list("SELECT sku_id, total, assigned FROM seat_count " + where,
                row -> new SeatCount(Sql.uuid(row, 1), row.getInt(2), row.getInt(3)), parameters);
    }
}
