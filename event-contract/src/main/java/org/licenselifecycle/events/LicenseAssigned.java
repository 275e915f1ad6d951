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
 * @param exchangeEnterprise whether an Exchange Online plan among {@code servicePlans} is Plan 2, the Enterprise
 *     plan whose mailbox can become an inactive mailbox, as licensing's catalog says; null in events written before
 *     this field
 * @param oneDrive whether a plan among {@code servicePlans} gives the user a OneDrive, as licensing's catalog says;
 *     null in events written before this field
 * @param exchangeOnlineRetained whether the user holds an enabled Exchange Online plan through any of their licenses
 *     (this one included) once the change is done: false when this license's Exchange plan was turned off and no
 *     other license gives one, so the mailbox loses its license as on a removal; null in events written before
 *     this field, which take nothing away
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
        @AddedLater UUID assignedByGroup,
        @AddedLater Boolean exchangeEnterprise,
        @AddedLater Boolean oneDrive,
        @AddedLater Boolean exchangeOnlineRetained) {

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

    /** An assignment as events written before {@code exchangeEnterprise} and {@code oneDrive} carried it. */
    public LicenseAssigned(UUID tenantId, UUID userId, String userPrincipalName, UUID skuId, String skuPartNumber,
            List<ServicePlan> servicePlans, boolean exchangeOnline, UUID assignedBy, Instant assignedAt,
            List<UUID> disabledPlans, UUID assignedByGroup) {
        this(tenantId, userId, userPrincipalName, skuId, skuPartNumber, servicePlans, exchangeOnline, assignedBy,
                assignedAt, disabledPlans, assignedByGroup, null, null);
    }

    /** An assignment as events written before {@code exchangeOnlineRetained} carried it. */
    public LicenseAssigned(UUID tenantId, UUID userId, String userPrincipalName, UUID skuId, String skuPartNumber,
            List<ServicePlan> servicePlans, boolean exchangeOnline, UUID assignedBy, Instant assignedAt,
            List<UUID> disabledPlans, UUID assignedByGroup, Boolean exchangeEnterprise, Boolean oneDrive) {
        this(tenantId, userId, userPrincipalName, skuId, skuPartNumber, servicePlans, exchangeOnline, assignedBy,
                assignedAt, disabledPlans, assignedByGroup, exchangeEnterprise, oneDrive, null);
    }
}
