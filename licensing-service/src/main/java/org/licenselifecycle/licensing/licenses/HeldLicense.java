package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ServicePlan;
import org.licenselifecycle.licensing.products.Workload;

/** A product a user holds, with the plans turned off for them. */
public record HeldLicense(Product product, List<UUID> disabledPlans) {

    public HeldLicense {
        disabledPlans = List.copyOf(disabledPlans);
    }

    public List<ServicePlan> enabledPlans() {
        return product.enabledPlans(disabledPlans);
    }

    public boolean grantsExchangeOnline() {
        return enabledPlans().stream().anyMatch(ServicePlan::isExchangeOnline);
    }

    /**
     * Whether this license and {@code other} cannot be held by one user (Entra's MutuallyExclusiveViolation): a user
     * has one mailbox, and a Kiosk one (Exchange Online Kiosk, in Office 365 F3) excludes a full one (Exchange Online
     * Plan 1 or Plan 2, in Business Premium, E3); Plan 1 and Plan 2 together are allowed, as Entra now allows them.
     * Which plans carry a mailbox, and which is Kiosk, is the catalog's {@code Workload}; plans turned off count not.
     */
    public boolean excludes(HeldLicense other) {
        return (mailbox(true) && other.mailbox(false)) || (mailbox(false) && other.mailbox(true));
    }

    /** Whether an enabled plan gives a Kiosk mailbox ({@code kiosk}) or a full one (not). */
    private boolean mailbox(boolean kiosk) {
        return enabledPlans().stream().filter(ServicePlan::isExchangeOnline)
                .anyMatch(plan -> Workload.isExchangeKiosk(plan.servicePlanName()) == kiosk);
    }

    public AssignedLicense asAssignedLicense() {
        return new AssignedLicense(product.skuId(), disabledPlans);
    }
}
