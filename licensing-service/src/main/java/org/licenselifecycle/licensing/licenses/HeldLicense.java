package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ServicePlan;

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
     * Whether this license and {@code other} cannot be held by one user (Entra's MutuallyExclusiveViolation): both
     * enable an Exchange Online mailbox plan, and not the same one. A user has one mailbox, under one plan: Exchange
     * Online Plan 1 (in Office 365 E1, Business Standard) excludes Plan 2 (in E3, E5), Kiosk excludes both; E3 and E5,
     * which carry the same Plan 2, do not. Which plans carry a mailbox is the catalog's {@code Workload}.
     */
    public boolean excludes(HeldLicense other) {
        Set<UUID> mine = mailboxPlans();
        Set<UUID> theirs = other.mailboxPlans();
        return !mine.isEmpty() && !theirs.isEmpty() && mine.stream().noneMatch(theirs::contains);
    }

    private Set<UUID> mailboxPlans() {
        return enabledPlans().stream().filter(ServicePlan::isExchangeOnline).map(ServicePlan::servicePlanId)
                .collect(Collectors.toSet());
    }

    public AssignedLicense asAssignedLicense() {
        return new AssignedLicense(product.skuId(), disabledPlans);
    }
}
