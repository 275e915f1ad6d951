package org.licenselifecycle.licensing.licenses;

import java.util.List;
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

    public AssignedLicense asAssignedLicense() {
        return new AssignedLicense(product.skuId(), disabledPlans);
    }
}
