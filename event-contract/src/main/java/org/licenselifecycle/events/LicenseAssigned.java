package org.licenselifecycle.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product license was assigned to a user, or its enabled service plans changed.
 *
 * @param servicePlans the plans of the product that are enabled for this user (disabled plans left out)
 * @param exchangeOnline whether an Exchange Online plan is among {@code servicePlans}
 * @param assignedBy the admin's object id, null when the system assigned it
 * @param disabledPlans the plans of the product turned off for this user (Graph's {@code disabledPlans});
 *     null in events written before this field
 * @param assignedByGroup the group the user inherits the license from, null when assigned directly (and in
 *     events written before this field)
 */
public record LicenseAssigned(
        UUID tenantId,
        UUID userId,
        String userPrincipalName,
        UUID skuId,
        String skuPartNumber,
        List<ServicePlan> servicePlans,
        boolean exchangeOnline,
        UUID assignedBy,
        Instant assignedAt,
        @AddedLater List<UUID> disabledPlans,
        @AddedLater UUID assignedByGroup) {

    public LicenseAssigned {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.present(skuId, "skuId");
        Require.text(skuPartNumber, "skuPartNumber");
        servicePlans = Require.list(servicePlans, "servicePlans");
        Require.present(assignedAt, "assignedAt");
        disabledPlans = disabledPlans == null ? null : Require.list(disabledPlans, "disabledPlans");
    }
}
