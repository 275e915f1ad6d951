package org.licenselifecycle.licensing.subscriptions;

import java.util.UUID;

/** A purchase: {@code licenses} seats of the product {@code skuId}. */
public record NewSubscription(UUID skuId, Integer licenses) {
}
