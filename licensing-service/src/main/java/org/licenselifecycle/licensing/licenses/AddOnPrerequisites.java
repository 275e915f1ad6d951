package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * block an unrelated change. A restore, which cannot be refused, gives back no add-on without its prerequisite
 * ({@link #lacking}). What stays because another license depends on it (a member leaving a group, a group turning a
 * plan off, an offboarding's release) is {@link KeptForDependents}'.
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

    /**
     * Of {@code candidates} (products among {@code held}, which a change would give the user together), those that cannot
     * be given: a plan of theirs lacks its prerequisite among what the user would hold; leaving one out may leave
     * another that needed it without, which is left out too. A direct assignment of them is refused
     * ({@link #checkUser}); a change that cannot be refused (a restore) gives the rest.
     */
    Set<UUID> lacking(Map<UUID, HeldLicense> held, Collection<UUID> candidates) {
        Map<UUID, HeldLicense> left = new LinkedHashMap<>(held);
        Set<UUID> lacking = new LinkedHashSet<>();
        boolean found = true;
        while (found) {
            found = false;
            Set<UUID> unmet = dependencies.unmet(plans(left.values())).stream().map(u -> u.plan().servicePlanId())
                    .collect(Collectors.toSet());
            for (UUID skuId : candidates) {
                HeldLicense license = left.get(skuId);
                if (license != null && license.enabledPlans().stream().anyMatch(p -> unmet.contains(p.servicePlanId()))) {
                    left.remove(skuId);
                    lacking.add(skuId);
                    found = true;
                }
            }
        }
        return lacking;
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
