package org.licenselifecycle.licensing.subscriptions;

import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.products.Product;

/**
 * A product the tenant has subscribed to, as Graph's subscribedSku shows it: its subscriptions' licenses by
 * state ({@link PrepaidUnits}), the licenses assigned from them, and which subscriptions they are.
 *
 * @param consumedUnits licenses of the product assigned to users (the Licenses page's "assigned")
 * @param subscriptionIds the subscriptions counted in {@code prepaidUnits}, oldest first
 */
public record ProductSubscriptions(Product product, int consumedUnits, PrepaidUnits prepaidUnits,
        List<UUID> subscriptionIds) {

    public ProductSubscriptions {
        subscriptionIds = List.copyOf(subscriptionIds);
    }

    public SubscriptionStatus capabilityStatus() {
        return prepaidUnits.capabilityStatus();
    }
}
