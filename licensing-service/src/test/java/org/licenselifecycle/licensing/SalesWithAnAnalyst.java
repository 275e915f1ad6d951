package org.licenselifecycle.licensing;

import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS;

import java.util.UUID;

/**
 * A fresh tenant whose group Sales gives Office 365 E3 (2 licenses bought) to two members, one of whom, the analyst,
 * also holds Workplace Analytics (1 bought) directly: an add-on whose prerequisite, Exchange Online, only the group's
 * license gives them. The setup of the tests where a group's change meets a direct add-on's prerequisite.
 */
record SalesWithAnAnalyst(TestTenant tenant, UUID sales, UUID analyst, UUID other) {

    static SalesWithAnAnalyst create() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 2);
        tenant.buy(WORKPLACE_ANALYTICS, 1);
        UUID analyst = tenant.newUser();
        UUID other = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, analyst, other);
        tenant.assign(analyst, WORKPLACE_ANALYTICS);
        return new SalesWithAnAnalyst(tenant, sales, analyst, other);
    }
}
