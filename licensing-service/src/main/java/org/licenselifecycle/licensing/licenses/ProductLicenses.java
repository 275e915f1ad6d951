package org.licenselifecycle.licensing.licenses;

import java.util.UUID;

/**
 * A row of the Licenses page: a product with its licenses summed over all its subscriptions.
 *
 * @param status the product's state as the admin center words it (Active, Expired, Disabled, Deleted): its
 *     subscriptions' best ({@code SubscribedProduct.capabilityStatus})
 */
public record ProductLicenses(UUID skuId, String skuPartNumber, String productName, int total, int assigned,
        int available, String status) {
}
