package org.licenselifecycle.licensing.licenses;

import java.util.UUID;

/** A row of the Licenses page: a product with its licenses summed over all its subscriptions. */
public record ProductLicenses(UUID skuId, String skuPartNumber, String productName, int total, int assigned,
        int available) {
}
