package org.licenselifecycle.licensing.subscriptions;

import java.util.UUID;

/**
 * A tenant's seats of one product: the licenses of all its subscriptions admins can assign from, and how many are
 * assigned (more than the total while users still hold licenses of a Disabled subscription).
 */
public record SeatCount(UUID skuId, int total, int assigned) {

    public int available() {
        return Math.max(0, total - assigned);
    }
}
