package org.licenselifecycle.events;

import java.util.UUID;

/**
 * A service plan of a product (e.g. EXCHANGE_S_STANDARD), with Microsoft's id and name.
 *
 * @param service the service the plan belongs to as Entra ID names it in a user's {@code assignedPlans}
 *     (e.g. {@code exchange}, {@code SharePoint}); null in events written before this field
 */
public record ServicePlan(UUID servicePlanId, String servicePlanName, @AddedLater String service) {

    public ServicePlan {
        Require.present(servicePlanId, "servicePlanId");
        Require.text(servicePlanName, "servicePlanName");
    }

    /** A plan as events written before {@code service} carried it. */
    public ServicePlan(UUID servicePlanId, String servicePlanName) {
        this(servicePlanId, servicePlanName, null);
    }
}
