package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.licenselifecycle.licensing.products.PlanDependencies;
import org.licenselifecycle.licensing.products.PlanDependencies.Unmet;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.products.ServicePlan;

/**
 * Where licensing's changes meet {@link PlanDependencies}: a direct change of a user's licenses, and a change of a
 * group's products, that would leave an add-on's plan without any of its prerequisites enabled (on the user, or in the
 * same group) is refused ({@link PrerequisiteMissing}); the same request adding the prerequisite and the add-on
 * together passes. Only what the change breaks is refused: a plan already without its prerequisite before does not
 * block an unrelated change.
 */
@ApplicationScoped
class AddOnPrerequisites {

    private final PlanDependencies dependencies;
    private final ProductCatalog catalog;

    AddOnPrerequisites(PlanDependencies dependencies, ProductCatalog catalog) {
        this.dependencies = dependencies;
        this.catalog = catalog;
    }

    /** Refuses a user's change from the licenses held {@code before} to those held {@code after}. */
    void checkUser(Collection<HeldLicense> before, Collection<HeldLicense> after) {
        if (after.stream().noneMatch(license -> dependencies.needsAnyPrerequisite(license.product()))) {
            return; // no plan held after the change needs another (a user without add-ons): none can be left unmet
        }
        firstNew(plans(before), plans(after)).ifPresent(unmet -> {
            throw PrerequisiteMissing.onUser(unmet);
        });
    }

    /** Refuses a change of a group's products from {@code before} to {@code after}. */
    void checkGroup(Collection<AssignedLicense> before, Collection<AssignedLicense> after) {
        firstNew(groupPlans(before), groupPlans(after)).ifPresent(unmet -> {
            throw PrerequisiteMissing.inGroup(unmet);
        });
    }

    private Optional<Unmet> firstNew(List<ServicePlan> before, List<ServicePlan> after) {
        Set<UUID> unmetBefore = dependencies.unmet(before).stream().map(u -> u.plan().servicePlanId())
                .collect(Collectors.toSet());
        return dependencies.unmet(after).stream().filter(u -> !unmetBefore.contains(u.plan().servicePlanId())).findFirst();
    }

    private static List<ServicePlan> plans(Collection<HeldLicense> licenses) {
        return licenses.stream().flatMap(license -> license.enabledPlans().stream()).toList();
    }

    private List<ServicePlan> groupPlans(Collection<AssignedLicense> licenses) {
        return licenses.stream().flatMap(license -> catalog.find(license.skuId()).orElseThrow()
                .enabledPlans(license.disabledPlans()).stream()).toList();
    }
}
