package org.licenselifecycle.licensing.subscriptions;

import java.util.List;
import java.util.UUID;

/**
 * A purchase: {@code licenses} seats of the product {@code skuId}. Only skuId and licenses are required;
 * the rest describe how it was bought (defaults: Enabled, not a trial, bought by an admin, a subscription
 * with recurring billing on).
 *
 * @param purchaser who buys a SELF_SERVICE purchase: always the caller, so it may be left out; naming anyone
 *     else is refused
 * @param assignTo users the purchaser of a self-service purchase gives its licenses to
 */
public record NewSubscription(UUID skuId, Integer licenses, SubscriptionStatus status, Boolean trial,
        PurchaseChannel boughtBy, Purchaser purchaser, ProductKind productKind, Boolean recurringBilling,
        List<UUID> assignTo) {

    /** The user who made a self-service purchase (their display name comes from the directory). */
    public record Purchaser(UUID id, String displayName) {
    }
}
