package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Seats;
import org.licenselifecycle.licensing.subscriptions.Subscription;
import org.licenselifecycle.licensing.subscriptions.SubscriptionDeletionEffects;

/**
 * What deleting a subscription at the end of its life does to the licenses given from it. Licenses are held per
 * product, not per subscription: the deleted subscription takes away those of the product that no other subscription
 * holds any more ({@link Seats#heldBeyondTheRest}), from the users who got one last; with a product's only
 * subscription, every license of it. A self-service purchase takes away the licenses its purchaser gave. Each goes
 * with a LicenseRemoved naming the subscription (cause SUBSCRIPTION_DELETED, removed by the system), so the user's
 * mailbox enters its grace period as after an unassign. Users are locked in id order before seats move. A license
 * inherited from a group leaves the group's state Error with CountViolation ({@link GroupLicensing#licensesTaken}); its
 * members settled again may move seats of other products, so every seat row of the tenant is then locked first, in
 * product order ({@link SeatMoves#lockAll}), as every change takes them. All of it is one transaction of the
 * subscription life job's step: one that fails (a deadlock lost) leaves nothing behind, and the next run deletes it.
 */
@ApplicationScoped
class SubscriptionDeletionService implements SubscriptionDeletionEffects {

    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseAssignmentRepository rows;
    private final LicenseEvents events;
    private final LicenseAudit audit;
    private final GroupLicensing groupLicensing;

    SubscriptionDeletionService(ProductCatalog catalog, Seats seats, LicenseAssignmentRepository rows, LicenseEvents events,
            LicenseAudit audit, GroupLicensing groupLicensing) {
        this.groupLicensing = groupLicensing;
        this.catalog = catalog;
        this.seats = seats;
        this.rows = rows;
        this.events = events;
        this.audit = audit;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void subscriptionDeleted(Subscription subscription, int disabledLicenses, Instant at) {
        if (subscription.managedByPurchaser()) {
            int taken = takeAway(subscription, rows.holdersOfPurchase(subscription.id), new ArrayList<>(), at);
            for (int i = 0; i < taken; i++) {
                subscription.selfServiceLicenseFreed();
            }
            return;
        }
        int beyond = seats.heldBeyondTheRest(subscription.tenantId, subscription.skuId, disabledLicenses);
        List<UUID> holders = beyond == 0 ? List.of() : rows.newestHolders(subscription.tenantId, subscription.skuId, beyond);
        List<UUID> withGroups = new ArrayList<>();
        int released = takeAway(subscription, holders, withGroups, at);
        if (!withGroups.isEmpty()) {
            // settling the members again moves seats of their groups' other products, some before this one in product
            // order: all are locked first, in that order, as a direct change takes them (users, then seats by product)
            SeatMoves.lockAll(seats, subscription.tenantId);
        }
        seats.subscriptionDeleted(subscription.tenantId, subscription.skuId, released, disabledLicenses);
        // once the seats are gone: a group giving the product still gives it, its members without a license
        groupLicensing.licensesTaken(subscription.tenantId, withGroups, at);
    }

    /**
     * Takes the subscription's product from the users (locked here) who still hold it from there; returns how many, and
     * adds to {@code withGroups} those of them with states from groups.
     */
    private int takeAway(Subscription subscription, List<UUID> userIds, List<UUID> withGroups, Instant at) {
        int taken = 0;
        Map<UUID, Holder> locked = rows.lockAll(subscription.tenantId, userIds);
        for (Holder user : locked.values()) {
            LicenseRow license = user.licenses().stream()
                    .filter(row -> row.skuId().equals(subscription.skuId)
                            && (subscription.managedByPurchaser() ? subscription.id.equals(row.selfServiceSubscriptionId())
                                    : row.selfServiceSubscriptionId() == null))
                    .findFirst().orElse(null);
            if (license == null) {
                continue; // unassigned meanwhile
            }
            boolean exchangeOnlineRetained = user.licenses().stream().filter(row -> row != license)
                    .anyMatch(row -> held(row).grantsExchangeOnline());
            rows.remove(user.userId(), List.of(license.skuId()));
            events.subscriptionDeleted(user.ref(), held(license), exchangeOnlineRetained, subscription.id, at);
            audit.lost(user, license.skuId());
            if (user.hasGroupStates()) {
                withGroups.add(user.userId());
            }
            taken++;
        }
        return taken;
    }

    private HeldLicense held(LicenseRow row) {
        return new HeldLicense(catalog.find(row.skuId()).orElseThrow(), row.disabledPlans());
    }
}
