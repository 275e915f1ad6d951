package org.licenselifecycle.licensing.subscriptions;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as the admin API shows it: one row per subscription, as on "Your products".
 *
 * @param assignable whether admins can assign from it (it counts towards the product's total)
 * @param purchaser who bought a self-service purchase, null otherwise
 * @param managedByPurchaser a self-service purchase its purchaser still manages ({@link Subscription#managedByPurchaser})
 * @param licensesChangeOnYourProducts whether Your products assigns and unassigns its licenses
 *        ({@link Subscription#licensesChangeOnYourProducts}); when not, the Licenses page does
 */
public record SubscriptionView(UUID id, UUID skuId, String skuPartNumber, String productName, int licenses,
        SubscriptionStatus status, Instant createdDateTime, Instant nextLifecycleDateTime, boolean trial,
        PurchaseChannel boughtBy, NewSubscription.Purchaser purchaser, Instant takenOverDateTime, ProductKind productKind,
        boolean recurringBilling, Instant cancellationWindowEndsDateTime, boolean assignable, boolean managedByPurchaser,
        boolean licensesChangeOnYourProducts) {

    static SubscriptionView of(Subscription s, String skuPartNumber, String productName) {
        return new SubscriptionView(s.id, s.skuId, skuPartNumber, productName, s.licenses, s.status, s.createdAt,
                s.nextLifecycleAt, s.trial, s.boughtBy,
                s.purchaserId == null ? null : new NewSubscription.Purchaser(s.purchaserId, s.purchaserName),
                s.takenOverAt, s.productKind, s.recurringBilling, s.cancellationWindowEndsAt, s.assignable(),
                s.managedByPurchaser(), s.licensesChangeOnYourProducts());
    }
}
