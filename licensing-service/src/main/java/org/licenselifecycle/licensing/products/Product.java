package org.licenselifecycle.licensing.products;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A product (SKU) of the catalog with its service plans, e.g. Microsoft 365 Business Premium (SPB). */
public record Product(UUID skuId, String skuPartNumber, String productName, List<ServicePlan> servicePlans) {

    public Product {
        servicePlans = List.copyOf(servicePlans);
    }

    public boolean hasPlan(UUID servicePlanId) {
        return servicePlans.stream().anyMatch(p -> p.servicePlanId().equals(servicePlanId));
    }

    /** The plans a user holding this product gets when {@code disabledPlans} are turned off. */
    public List<ServicePlan> enabledPlans(Collection<UUID> disabledPlans) {
        return servicePlans.stream().filter(p -> !disabledPlans.contains(p.servicePlanId())).toList();
    }
}
