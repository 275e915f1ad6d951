package org.licenselifecycle.licensing.subscriptions;

import org.licenselifecycle.licensing.products.Product;

/** A product the tenant owns, with its seats summed over all its subscriptions. */
public record SubscribedProduct(Product product, int total, int assigned) {

    public int available() {
        return total - assigned;
    }
}
