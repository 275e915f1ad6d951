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
 * @param lifecycleStatus the status as the admin center words it: Active, Expired, Disabled, Deleted (Locked out)
 * @param expiredDateTime when it ends, or ended, without being renewed (recurring billing off); null while it renews
 * @param disabledDateTime when it is, or was, Disabled at the end of its life; null while it renews
 * @param deletedDateTime when it is, or was, deleted: at the end of its life, or cancelled; null while it renews
 * @param reactivatable whether turning recurring billing on brings it back (Expired or Disabled, not yet deleted)
 */
public record SubscriptionView(UUID id, UUID skuId, String skuPartNumber, String productName, int licenses,
        SubscriptionStatus status, Instant createdDateTime, Instant nextLifecycleDateTime, boolean trial,
        PurchaseChannel boughtBy, NewSubscription.Purchaser purchaser, Instant takenOverDateTime, ProductKind productKind,
        boolean recurringBilling, Instant cancellationWindowEndsDateTime, boolean assignable, boolean managedByPurchaser,
        boolean licensesChangeOnYourProducts, String lifecycleStatus, Instant expiredDateTime, Instant disabledDateTime,
        Instant deletedDateTime, boolean reactivatable) {

    static SubscriptionView of(Subscription s, String skuPartNumber, String productName, SubscriptionLife.Dates life) {
        return new SubscriptionView(s.id, s.skuId, skuPartNumber, productName, s.licenses, s.status, s.createdAt,
                s.nextLifecycleAt, s.trial, s.boughtBy,
                s.purchaserId == null ? null : new NewSubscription.Purchaser(s.purchaserId, s.purchaserName),
                s.takenOverAt, s.productKind, s.recurringBilling, s.cancellationWindowEndsAt, s.assignable(),
                s.managedByPurchaser(), s.licensesChangeOnYourProducts(), s.status.adminCenterName(),
                life == null ? null : life.expiresAt(), life == null ? null : life.disabledAt(),
                life == null ? s.deletedAt : life.deletedAt(), s.reactivatable());
    }
}
