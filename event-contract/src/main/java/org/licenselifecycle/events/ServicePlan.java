package org.licenselifecycle.events;

import java.util.UUID;

/** A service plan of a product (e.g. EXCHANGE_S_STANDARD), with Microsoft's id and name. */
public record ServicePlan(UUID servicePlanId, String servicePlanName) {

    public ServicePlan {
        Require.present(servicePlanId, "servicePlanId");
        Require.text(servicePlanName, "servicePlanName");
    }
}
