package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.PlanDependencies;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.products.ServicePlan;

/**
 * Entra ID's DependencyViolation for group-based licensing: "One of the products that's specified in the group contains
 * a service plan that must be enabled for another service plan, in another product, to function. This error occurs
 * when Microsoft Entra ID attempts to remove the underlying service plan", e.g. when the user leaves the group. The
 * inherited license is then not removed: it stays with the user (its seat, their mailbox), its state from each group
 * that gave it Error with DependencyViolation, until nothing depends on it any more, when it goes as any inherited
 * license goes (LicenseRemoved, NO_LONGER_INHERITED). Which plan needs which: {@link PlanDependencies}.
 *
 * <p>Two kinds of keeping, told apart by the member's state from the group ({@link InheritedState}): a kept license
 * ({@link #keep}, Error with DependencyViolation: {@link InheritedState#keepsLicense}), which no group gives any more,
 * and a kept plan ({@link #keepPlans}, ActiveWithError with DependencyViolation: {@link InheritedState#heldDespiteADependency},
 * and the license has on a plan its sources turn off: {@link #keepsPlanOn}), of a license the group still gives. Each
 * goes in the direct change that removes what depended on it ({@link #noLongerNeeded}, {@link #plansNoLongerNeeded}).
 */
@ApplicationScoped
class KeptForDependents {

    private final PlanDependencies dependencies;
    private final ProductCatalog catalog;
    private final InheritedLicenses inherited;

    KeptForDependents(PlanDependencies dependencies, ProductCatalog catalog, InheritedLicenses inherited) {
        this.dependencies = dependencies;
        this.catalog = catalog;
        this.inherited = inherited;
    }

    /**
     * Of the licenses the user holds ({@code held}, by product) that no source gives any more ({@code leaving}), those
     * that stay because a license the user keeps depends on one of their plans: kept licenses, whose groups' states say
     * Error with DependencyViolation ({@link InheritedState#keepsLicense}).
     */
    Set<UUID> keep(Collection<LicenseRow> held, Set<UUID> leaving) {
        if (leaving.isEmpty()) {
            return Set.of();
        }
        Map<UUID, List<ServicePlan>> staying = new LinkedHashMap<>();
        Map<UUID, List<ServicePlan>> going = new LinkedHashMap<>();
        for (LicenseRow row : held) {
            (leaving.contains(row.skuId()) ? going : staying).put(row.skuId(), enabledPlans(row));
        }
        return dependencies.stillNeeded(staying, going);
    }

    /**
     * Of the licenses whose plans a group change would turn off ({@code before}: as the user holds them; the user's
     * licenses as they would be after it: {@code after}, by product), those that keep their plans because a license of
     * the user depends on a plan only they would turn off: Entra does not remove a service plan another one needs
     * (DependencyViolation); their groups' states say ActiveWithError until nothing depends on it and the user is
     * reprocessed ({@link InheritedState#heldDespiteADependency}), and the license has on a plan its sources turn off
     * ({@link #keepsPlanOn}).
     */
    Set<UUID> keepPlans(Collection<LicenseRow> after, Map<UUID, LicenseRow> before) {
        if (before.isEmpty()) {
            return Set.of();
        }
        Map<UUID, List<ServicePlan>> staying = new LinkedHashMap<>();
        Map<UUID, List<ServicePlan>> turnedOff = new LinkedHashMap<>();
        for (LicenseRow row : after) {
            staying.put(row.skuId(), enabledPlans(row));
            LicenseRow was = before.get(row.skuId());
            if (was != null) {
                Set<UUID> stillOn = enabledPlans(row).stream().map(ServicePlan::servicePlanId).collect(Collectors.toSet());
                List<ServicePlan> off = enabledPlans(was).stream().filter(p -> !stillOn.contains(p.servicePlanId()))
                        .toList();
                if (!off.isEmpty()) {
                    turnedOff.put(row.skuId(), off);
                }
            }
        }
        return turnedOff.isEmpty() ? Set.of() : dependencies.stillNeeded(staying, turnedOff);
    }

    /**
     * For a direct change of the user's licenses (the user locked, {@code held} what they hold after it, {@code states}
     * their states from groups as the caller read them): the licenses kept only for a dependent that is no longer
     * needed, each with the group it was inherited from. Their states are dropped here, from the table and from
     * {@code states}; the caller takes the licenses away and announces them.
     */
    List<Released> noLongerNeeded(UUID userId, Map<UUID, LicenseRow> held, List<InheritedState> states) {
        List<InheritedState> dropped = new ArrayList<>();
        // a product still Active from a group is held through it: only those kept by dependents alone are looked at
        Set<UUID> active = states.stream().filter(InheritedState::active).map(InheritedState::skuId)
                .collect(Collectors.toSet());
        Map<UUID, List<InheritedState>> keptBy = new LinkedHashMap<>();
        for (InheritedState state : states.stream().filter(InheritedState::keepsLicense).toList()) {
            LicenseRow row = held.get(state.skuId());
            if (row != null && row.direct()) {
                // assigned directly now: the direct assignment holds it, the group's state keeps nothing any more
                inherited.drop(userId, state.groupId(), state.skuId());
                dropped.add(state);
            } else if (row != null && !active.contains(state.skuId())) {
                keptBy.computeIfAbsent(state.skuId(), sku -> new ArrayList<>()).add(state);
            }
        }
        if (keptBy.isEmpty()) {
            states.removeAll(dropped);
            return List.of();
        }
        Set<UUID> needed = keep(held.values(), keptBy.keySet());
        List<Released> released = new ArrayList<>();
        keptBy.forEach((skuId, kept) -> {
            if (!needed.contains(skuId)) {
                kept.forEach(state -> inherited.drop(userId, state.groupId(), skuId));
                dropped.addAll(kept);
                released.add(new Released(held.get(skuId), kept.get(0).groupId()));
            }
        });
        states.removeAll(dropped);
        return released;
    }

    /**
     * Whether the license, as the user holds it ({@code held}), has on a plan its sources turn off ({@code planned}: the
     * same license with their plans): what a kept plan is ({@link #keepPlans}), and what an add-on that lost its
     * prerequisite, whose state is the same ActiveWithError with DependencyViolation, is not.
     */
    static boolean keepsPlanOn(LicenseRow held, LicenseRow planned) {
        return !OverlappingLicenses.same(planned.disabledPlans(), held.disabledPlans());
    }

    /**
     * For a direct change of the user's licenses (the user locked, {@code held} what they hold after it, by product,
     * {@code states} their states from groups as the caller read them): the licenses whose plans turned off by their
     * groups were kept on for a dependent ({@link #keepPlans}) that no longer needs them, as they hold them now, with
     * the plans their sources turn off ({@code planned}) applied in {@code held}. Their groups' states are Active again
     * here, in the table and in {@code states}; the caller writes and announces the licenses, as the same transaction
     * as the dependent's removal, as Entra turns the plan off once nothing needs it. Of the states ActiveWithError with
     * DependencyViolation only those whose license keeps a plan on are looked at ({@link #keepsPlanOn}): the same state
     * says a group's add-on lacks its prerequisite, which keeps no plan, and has nothing to turn off.
     */
    List<LicenseRow> plansNoLongerNeeded(UUID tenantId, UUID userId, Map<UUID, LicenseRow> held,
            List<InheritedState> states, UnaryOperator<LicenseRow> planned, Instant now) {
        List<InheritedState> keeping = states.stream().filter(InheritedState::heldDespiteADependency)
                .filter(state -> held.containsKey(state.skuId())).toList();
        if (keeping.isEmpty()) {
            return List.of();
        }
        // the same state also says a group's add-on lacks its prerequisite, which keeps no plan: only the licenses
        // that keep a plan on are looked at
        Map<UUID, LicenseRow> before = new LinkedHashMap<>();
        keeping.forEach(state -> before.putIfAbsent(state.skuId(), held.get(state.skuId())));
        before.entrySet().removeIf(kept -> !keepsPlanOn(kept.getValue(), planned.apply(kept.getValue())));
        if (before.isEmpty()) {
            return List.of();
        }
        before.forEach((skuId, row) -> held.put(skuId, planned.apply(row)));
        Set<UUID> stillKept = keepPlans(held.values(), before);
        stillKept.forEach(skuId -> held.put(skuId, before.get(skuId)));
        List<LicenseRow> replanned = new ArrayList<>();
        before.keySet().stream().filter(skuId -> !stillKept.contains(skuId)).forEach(skuId -> replanned.add(held.get(skuId)));
        for (InheritedState state : keeping) {
            if (before.containsKey(state.skuId()) && !stillKept.contains(state.skuId())) {
                inherited.put(tenantId, userId, state.groupId(), state.skuId(), InheritedState.ACTIVE,
                        InheritedState.NONE, now);
                states.set(states.indexOf(state), new InheritedState(state.groupId(), state.skuId(),
                        state.disabledPlans(), InheritedState.ACTIVE, InheritedState.NONE, now));
            }
        }
        return replanned;
    }

    /** A kept license that goes, and the group the user inherited it from. */
    record Released(LicenseRow license, UUID groupId) {
    }

    private List<ServicePlan> enabledPlans(LicenseRow row) {
        return catalog.find(row.skuId()).orElseThrow().enabledPlans(row.disabledPlans());
    }
}
