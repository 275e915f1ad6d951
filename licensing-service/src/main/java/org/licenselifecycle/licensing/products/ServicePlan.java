package org.licenselifecycle.licensing.products;

import java.util.UUID;

/**
 * A service plan of the catalog (e.g. EXCHANGE_S_ENTERPRISE) with Microsoft's id and name.
 *
 * @param exchangeEnterprise an Exchange Online Plan 2 (Enterprise) plan, whose mailboxes can become inactive
 *     mailboxes under a hold (announced as LicenseAssigned's {@code exchangeEnterprise}, which data-lifecycle obeys)
 */
public record ServicePlan(UUID servicePlanId, String servicePlanName, String friendlyName, Workload workload,
        boolean exchangeEnterprise) {

    public boolean isExchangeOnline() {
        return workload == Workload.EXCHANGE_ONLINE;
    }

    /** Whether the plan gives the user a OneDrive (LicenseAssigned's {@code oneDrive}). */
    public boolean givesOneDrive() {
        return workload == Workload.SHAREPOINT_ONEDRIVE;
    }

    /** The plan as the event contract carries it. */
    public org.licenselifecycle.events.ServicePlan toEvent() {
        return new org.licenselifecycle.events.ServicePlan(servicePlanId, servicePlanName, AssignedPlanService.of(this));
    }
}
