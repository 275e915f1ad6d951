package org.licenselifecycle.licensing.licenses;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.licenselifecycle.licensing.subscriptions.SeatCount;
import org.licenselifecycle.licensing.subscriptions.Seats;

/**
 * The seats one change of licenses moves, per product, made together at its end: after every user it
 * changes is locked, and product by product in one order, so that two changes never wait for each other's
 * seat rows in a cycle (and a seat row, shared by every assignment of its product, stays locked only from
 * then until the commit). Seats given back lock no row at all ({@link Seats#release}). One statement per product
 * however many users the change touches. The whole lock order:
 * a subscription's row first (the one a change is about; the self-service purchases of a user whose deletion or
 * restore the user-events path applies, {@code UserDeletionService.lockBeforeUser}), then users in id order, then
 * seat rows in product order.
 */
final class SeatMoves {

    /** The order in which every change takes seat rows. */
    static final Comparator<UUID> PRODUCT_ORDER = Comparator.naturalOrder();

    /** Seats taken (positive) or given back (negative) per product. */
    private final Map<UUID, Integer> moves = new TreeMap<>(PRODUCT_ORDER);

    /**
     * Locks every seat row of the tenant in product order, for a change that moves a product's seats before it can
     * know which other products' seats it moves (a subscription's deletion, whose groups' members are settled again
     * after its seats are gone: {@link GroupLicensing#licensesTaken}). Holding them all, it never waits for a row
     * while holding a later one. A tenant has one row per product it bought, a handful, and no row ever goes, so
     * every product a group gives or a member holds has one locked here. Sorted here, not by the database: PostgreSQL
     * orders uuids as unsigned bytes, {@link UUID#compareTo} as signed longs.
     */
    static void lockAll(Seats seats, UUID tenantId) {
        seats.lock(tenantId, seats.ofTenant(tenantId).stream().map(SeatCount::skuId).sorted(PRODUCT_ORDER).toList());
    }

    /** One seat of the product for a license new to a user. */
    void take(UUID skuId) {
        moves.merge(skuId, 1, Integer::sum);
    }

    /** One seat of the product back, for a license that left a user. */
    void release(UUID skuId) {
        moves.merge(skuId, -1, Integer::sum);
    }

    /**
     * Moves the seats in product order.
     *
     * @throws LicenseAssignmentRefused when a product has fewer seats available than the change takes
     */
    void make(Seats seats, UUID tenantId) {
        moves.forEach((skuId, taken) -> {
            if (taken < 0) {
                seats.release(tenantId, skuId, -taken);
            } else if (taken > 0 && !seats.take(tenantId, skuId, taken)) {
                throw LicenseAssignmentRefused.noAvailableLicenses(skuId);
            }
        });
    }
}
