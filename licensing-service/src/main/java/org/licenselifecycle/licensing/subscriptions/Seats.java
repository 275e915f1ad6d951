package org.licenselifecycle.licensing.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The seat counter per tenant and product, changed in the same transaction as the subscription or the
 * assignment that moves it. Taking a seat is a single conditional UPDATE of the product's {@code seat_count} row, so
 * concurrent assignments racing for the last seat cannot oversell it, and nothing ever counts assignment rows.
 * <p>
 * Seats given back do not touch that row, which every unassign of the product would otherwise wait for from its
 * UPDATE to its COMMIT: a release is a row of {@code seat_release}. Every change of a {@code seat_count} row first
 * folds its product's releases into it, under the row's lock, so a take sees every seat a committed change gave back;
 * {@link SeatReleaseFolding} folds the rest every second. Readers see a seat given back free at once ({@code seat_use}).
 * Since releases only ever add seats, a release the fold misses (not yet committed) could only make a change refuse,
 * never oversell.
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
        fold(tenantId, skuId, Wait.FOR_THE_ROW);
        return sql.update("""
                UPDATE seat_count SET total = total - ?
                WHERE tenant_id = ? AND sku_id = ? AND total - ? >= assigned""", licenses, tenantId, skuId, licenses) == 1;
    }

    /** Counts licenses given out before their subscription joined the product's total (a take-over). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAssigned(UUID tenantId, UUID skuId, int assigned) {
        fold(tenantId, skuId, Wait.FOR_THE_ROW);
        sql.update("UPDATE seat_count SET assigned = assigned + ? WHERE tenant_id = ? AND sku_id = ?",
                assigned, tenantId, skuId);
    }

    /**
     * A subscription was Disabled: its {@code licenses} leave the product's total, so nobody is given one, while the
     * users holding them keep them until it is deleted ({@code disabled} counts them).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(UUID tenantId, UUID skuId, int licenses) {
        fold(tenantId, skuId, Wait.FOR_THE_ROW);
        moved(sql.update("UPDATE seat_count SET total = total - ?, disabled = disabled + ? WHERE tenant_id = ? AND sku_id = ?",
                licenses, licenses, tenantId, skuId), skuId, tenantId);
    }

    /** A Disabled subscription was reactivated: its {@code licenses} are the product's to assign again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reactivate(UUID tenantId, UUID skuId, int licenses) {
        fold(tenantId, skuId, Wait.FOR_THE_ROW);
        moved(sql.update("UPDATE seat_count SET total = total + ?, disabled = disabled - ? WHERE tenant_id = ? AND sku_id = ?",
                licenses, licenses, tenantId, skuId), skuId, tenantId);
    }

    /**
     * How many of the product's assigned licenses no subscription holds once a subscription whose {@code disabled}
     * licenses users may still hold is deleted: those beyond the total and the other Disabled subscriptions'
     * licenses. They are the ones its deletion takes away from users.
     */
    public int heldBeyondTheRest(UUID tenantId, UUID skuId, int disabled) {
        return sql.first("SELECT assigned - total - (disabled - ?) FROM seat_use WHERE tenant_id = ? AND sku_id = ?",
                row -> Math.max(0, row.getInt(1)), disabled, tenantId, skuId).orElse(0);
    }

    /**
     * A subscription was deleted: {@code released} licenses left their users and its {@code disabled} licenses are
     * gone. Refused by the database (assigned beyond what the remaining subscriptions hold) if fewer left than
     * {@link #heldBeyondTheRest} said, so that the transaction is tried again rather than overselling.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void subscriptionDeleted(UUID tenantId, UUID skuId, int released, int disabled) {
        if (released == 0 && disabled == 0) {
            return;
        }
        fold(tenantId, skuId, Wait.FOR_THE_ROW);
        moved(sql.update("""
                UPDATE seat_count SET assigned = assigned - ?, disabled = disabled - ?
                WHERE tenant_id = ? AND sku_id = ?""", released, disabled, tenantId, skuId), skuId, tenantId);
    }

    private static void moved(int updated, UUID skuId, UUID tenantId) {
        if (updated != 1) {
            throw new IllegalStateException("No seats of " + skuId + " in tenant " + tenantId);
        }
    }

    /** The product's seats, or none when the tenant has no subscription to assign it from. */
    public Optional<SeatCount> of(UUID tenantId, UUID skuId) {
        return read("WHERE tenant_id = ? AND sku_id = ?", tenantId, skuId).stream().findFirst();
    }

    /** Takes {@code seats} seats of the product; false when fewer are available (nothing changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(UUID tenantId, UUID skuId, int seats) {
        fold(tenantId, skuId, Wait.FOR_THE_ROW);
        return sql.update("""
                UPDATE seat_count SET assigned = assigned + ?
                WHERE tenant_id = ? AND sku_id = ? AND assigned <= total - ?""", seats, tenantId, skuId, seats) == 1;
    }

    /**
     * Locks the tenant's seat rows of these products until the transaction ends, one after the other in the order
     * given (a product without seats is skipped): for a change that must hold them all before it moves the first,
     * in the order every change moves them in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID tenantId, List<UUID> skuIdsInOrder) {
        if (!skuIdsInOrder.isEmpty()) {
            // FOR UPDATE locks the rows as the ORDER BY hands them out: in the order given
            sql.list("""
                    SELECT 1 FROM unnest(?::uuid[]) WITH ORDINALITY AS o(sku_id, n)
                    JOIN seat_count s ON s.tenant_id = ? AND s.sku_id = o.sku_id
                    ORDER BY o.n FOR UPDATE OF s""", row -> 1, skuIdsInOrder.toArray(UUID[]::new), tenantId);
        }
    }

    /**
     * Gives {@code seats} seats back when licenses leave users: a row of its own, written with the transaction's next
     * statement (or at its commit), so that a release waits for no other change of the product's seats.
     *
     * @throws IllegalStateException outside a transaction
     */
    public void release(UUID tenantId, UUID skuId, int seats) {
        sql.insertLater("INSERT INTO seat_release (tenant_id, sku_id, seats)", "(?, ?, ?)", tenantId, skuId, seats);
    }

    /** Whether a fold waits for a product's row another transaction holds, or leaves it to that one. */
    enum Wait {
        FOR_THE_ROW(""), NOT(" SKIP LOCKED");

        private final String lockOption;

        Wait(String lockOption) {
            this.lockOption = lockOption;
        }
    }

    /**
     * Locks the product's row ({@code FOR NO KEY UPDATE}, which the releases' inserts never wait for) and folds its
     * product's releases into it. The fold is a statement of its own after the lock: it sees every release committed
     * by then, and no other fold can run between, so each release is subtracted once. A release committed later stays
     * for the next fold. Nothing happens when the row is skipped ({@link Wait#NOT}) or the tenant has no such row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void fold(UUID tenantId, UUID skuId, Wait wait) {
        boolean released = sql.first("""
                SELECT EXISTS (SELECT 1 FROM seat_release r WHERE r.tenant_id = s.tenant_id AND r.sku_id = s.sku_id)
                FROM seat_count s WHERE s.tenant_id = ? AND s.sku_id = ? FOR NO KEY UPDATE""" + wait.lockOption,
                row -> row.getBoolean(1), tenantId, skuId).orElse(false);
        if (released) {
            sql.update("""
                    WITH folded AS (DELETE FROM seat_release WHERE tenant_id = ? AND sku_id = ? RETURNING seats)
                    UPDATE seat_count SET assigned = assigned - (SELECT sum(seats) FROM folded)
                    WHERE tenant_id = ? AND sku_id = ? AND EXISTS (SELECT 1 FROM folded)""",
                    tenantId, skuId, tenantId, skuId);
        }
    }

    /** The tenants' products with seats given back and not yet folded, for {@link SeatReleaseFolding}. */
    List<TenantProduct> released() {
        return sql.list("SELECT DISTINCT tenant_id, sku_id FROM seat_release",
                row -> new TenantProduct(Sql.uuid(row, 1), Sql.uuid(row, 2)));
    }

    /** A tenant's product. */
    record TenantProduct(UUID tenantId, UUID skuId) {
    }

    /** Whether the tenant has bought the product (holds a subscription for it). */
    public boolean owns(UUID tenantId, UUID skuId) {
        // the row alone: what was given back does not matter here
        return sql.first("SELECT 1 FROM seat_count WHERE tenant_id = ? AND sku_id = ?", row -> true, tenantId, skuId)
                .isPresent();
    }

    public List<SeatCount> ofTenant(UUID tenantId) {
        return read("WHERE tenant_id = ?", tenantId);
    }

    private List<SeatCount> read(String where, Object... parameters) {
        return sql.list("SELECT sku_id, total, assigned FROM seat_use " + where,
                row -> new SeatCount(Sql.uuid(row, 1), row.getInt(2), row.getInt(3)), parameters);
    }
}
