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
 * @param removedBy the admin's object id, null when the system removed it
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
        Instant removedAt) {

    public LicenseRemoved {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.present(skuId, "skuId");
        Require.text(skuPartNumber, "skuPartNumber");
        removedServicePlans = Require.list(removedServicePlans, "removedServicePlans");
        Require.present(reason, "reason");
        Require.present(removedAt, "removedAt");
    }
}
