package org.licenselifecycle.licensing.subscriptions;

import java.util.UUID;

/** A tenant's seats of one product: the licenses of all its subscriptions, and how many are assigned. */
public record SeatCount(UUID skuId, int total, int assigned) {

    public int available() {
        return total - assigned;
    }
}
