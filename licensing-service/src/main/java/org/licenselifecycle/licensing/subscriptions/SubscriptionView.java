package org.licenselifecycle.licensing.subscriptions;

import java.time.Instant;
import java.util.UUID;

/** A subscription as the admin API shows it: one row per subscription, as on "Your products". */
public record SubscriptionView(UUID id, UUID skuId, String skuPartNumber, String productName, int licenses,
        SubscriptionStatus status, Instant createdDateTime) {
}
