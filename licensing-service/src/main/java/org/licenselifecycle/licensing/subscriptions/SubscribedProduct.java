package org.licenselifecycle.licensing.subscriptions;

import org.licenselifecycle.licensing.products.Product;

/**
 * A product the tenant owns, with its seats summed over all its subscriptions, and its capabilityStatus (Enabled while
 * one of its subscriptions is; Warning when they expired, Suspended when they were disabled: {@link PrepaidUnits}).
 */
public record SubscribedProduct(Product product, int total, int assigned, SubscriptionStatus capabilityStatus) {

    public int available() {
        return Math.max(0, total - assigned); // fewer than assigned while a Disabled subscription's licenses are held
    }
}
