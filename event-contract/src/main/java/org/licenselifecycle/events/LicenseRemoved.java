package org.licenselifecycle.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product license was removed from a user.
 *
 * @param removedServicePlans the plans the user had enabled under this product and lost
 * @param exchangeOnline whether an Exchange Online plan was among {@code removedServicePlans}
 * @param exchangeOnlineRetained whether the user still holds Exchange Online through another license,
 *     in which case the mailbox stays as it is
 * @param reason {@code UNASSIGNED} or {@code USER_DELETED}; a license whose subscription was deleted is written
 *     {@code UNASSIGNED} with {@code deletedSubscriptionId} (see {@link RemovalReason#SUBSCRIPTION_DELETED}), so that
 *     consumers that know only the first two values still read and apply it; {@link #cause()} tells the three apart
 * @param removedBy the admin's object id, null when the system removed it
 * @param deletedSubscriptionId the subscription whose deletion took the license away (its life ended: Expired,
 *     Disabled, Deleted); null otherwise, and in events written before this field
 * @param noLongerInheritedFrom the group the user inherited the license from, when leaving it (or the group no
 *     longer giving the product) took the license away; null otherwise, and in events written before this field
 */
public record LicenseRemoved(
        UUID tenantId,
        UUID userId,
        String userPrincipalName,
        UUID skuId,
        String skuPartNumber,
        List<ServicePlan> removedServicePlans,
        boolean exchangeOnline,
        boolean exchangeOnlineRetained,
        RemovalReason reason,
        UUID removedBy,
        Instant removedAt,
        @AddedLater UUID deletedSubscriptionId,
        @AddedLater UUID noLongerInheritedFrom) {

    public LicenseRemoved {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.present(skuId, "skuId");
        Require.text(skuPartNumber, "skuPartNumber");
        removedServicePlans = Require.list(removedServicePlans, "removedServicePlans");
        Require.present(reason, "reason");
        Require.present(removedAt, "removedAt");
        if (reason == RemovalReason.SUBSCRIPTION_DELETED) {
            Require.present(deletedSubscriptionId, "deletedSubscriptionId");
            reason = RemovalReason.UNASSIGNED; // the value every consumer reads, the subscription says the rest
        } else if (reason == RemovalReason.NO_LONGER_INHERITED) {
            Require.present(noLongerInheritedFrom, "noLongerInheritedFrom");
            reason = RemovalReason.UNASSIGNED; // read by older consumers as a removal: the mailbox's grace period starts
        } else if (deletedSubscriptionId != null && reason != RemovalReason.UNASSIGNED) {
            throw new IllegalArgumentException("Only a license taken away with its deleted subscription names one");
        } else if (noLongerInheritedFrom != null && reason != RemovalReason.UNASSIGNED) {
            throw new IllegalArgumentException("Only a license no longer inherited names the group");
        }
        if (deletedSubscriptionId != null && noLongerInheritedFrom != null) {
            throw new IllegalArgumentException("A license goes with its subscription or with its group, not both");
        }
    }

    /** A removal as events written before {@code deletedSubscriptionId} carried it. */
    public LicenseRemoved(UUID tenantId, UUID userId, String userPrincipalName, UUID skuId, String skuPartNumber,
            List<ServicePlan> removedServicePlans, boolean exchangeOnline, boolean exchangeOnlineRetained,
            RemovalReason reason, UUID removedBy, Instant removedAt) {
        this(tenantId, userId, userPrincipalName, skuId, skuPartNumber, removedServicePlans, exchangeOnline,
                exchangeOnlineRetained, reason, removedBy, removedAt, null, null);
    }

    /** A removal as events written before {@code noLongerInheritedFrom} carried it. */
    public LicenseRemoved(UUID tenantId, UUID userId, String userPrincipalName, UUID skuId, String skuPartNumber,
            List<ServicePlan> removedServicePlans, boolean exchangeOnline, boolean exchangeOnlineRetained,
            RemovalReason reason, UUID removedBy, Instant removedAt, UUID deletedSubscriptionId) {
        this(tenantId, userId, userPrincipalName, skuId, skuPartNumber, removedServicePlans, exchangeOnline,
                exchangeOnlineRetained, reason, removedBy, removedAt, deletedSubscriptionId, null);
    }

    /**
     * Why the license went, the subscription's deletion and the group's end included ({@code reason} alone cannot say
     * them).
     */
    public RemovalReason cause() {
        if (deletedSubscriptionId != null) {
            return RemovalReason.SUBSCRIPTION_DELETED;
        }
        return noLongerInheritedFrom != null ? RemovalReason.NO_LONGER_INHERITED : reason;
    }
}
