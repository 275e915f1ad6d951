package org.licenselifecycle.licensing.licenses;

import java.util.UUID;

/**
 * A license that stays with a user when an admin unassigns all, or saves the user's licenses, because an admin cannot
 * remove it here (the Microsoft 365 admin center greys it out): {@code reason} says why as a code, {@code message} in
 * words, naming the group it is inherited from or the purchaser of the self-service purchase it comes from.
 */
public record KeptLicense(UUID skuId, String skuPartNumber, String productName, Reason reason, UUID groupId,
        String groupName, UUID subscriptionId, String message) {

    /** Why an admin cannot remove the license here. */
    public enum Reason {
        /** Inherited from a group membership: it leaves the user only through the group. */
        INHERITED_FROM_GROUP,
        /** From a self-service purchase the user's organization bought for them, which its purchaser still manages. */
        SELF_SERVICE_PURCHASE
    }
}
