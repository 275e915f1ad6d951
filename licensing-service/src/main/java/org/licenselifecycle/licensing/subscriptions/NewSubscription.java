package org.licenselifecycle.licensing.subscriptions;

import java.util.List;
import java.util.UUID;

/**
 * A purchase: {@code licenses} seats of the product {@code skuId}. Only skuId and licenses are required;
 * the rest describe how it was bought (defaults: Enabled, not a trial, bought by an admin, a subscription
 * with recurring billing on).
 *
 * @param purchaser who bought a SELF_SERVICE purchase (required then)
 * @param assignTo users the purchaser of a self-service purchase gives its licenses to
 */
public record NewSubscription(UUID skuId, Integer licenses, SubscriptionStatus status, Boolean trial,
        PurchaseChannel boughtBy, Purchaser purchaser, ProductKind productKind, Boolean recurringBilling,
        List<UUID> assignTo) {

    /** The user who made a self-service purchase. */
    public record Purchaser(UUID id, String displayName) {
    }
}
