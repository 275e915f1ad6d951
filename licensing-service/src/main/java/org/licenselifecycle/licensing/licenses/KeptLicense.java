package org.licenselifecycle.licensing.licenses;

import java.util.UUID;

/**
 * A license that stays with a user when an admin unassigns all, or saves the user's licenses, because an admin cannot
 * remove it here (the Microsoft 365 admin center greys it out): {@code reason} says why as a code, {@code message} in
 * words, naming the group it is inherited from or the purchaser of the self-service purchase it comes from;
 * {@code state} and {@code error} the user's {@code licenseAssignmentState} from that group (null for a purchase):
 * Active, ActiveWithError, or Error with DependencyViolation when the group no longer gives it and it stays for another
 * license that depends on it.
 */
public record KeptLicense(UUID skuId, String skuPartNumber, String productName, Reason reason, UUID groupId,
        String groupName, UUID subscriptionId, String message, String state, String error) {

    /** Why an admin cannot remove the license here. */
    public enum Reason {
        /** Inherited from a group membership: it leaves the user only through the group. */
        INHERITED_FROM_GROUP,
        /** From a self-service purchase the user's organization bought for them, which its purchaser still manages. */
        SELF_SERVICE_PURCHASE
    }
}
