package org.licenselifecycle.licensing.licenses;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Entra ID's rule for one product a user gets from several sources (a direct assignment and each group giving it, in
 * Active state): "Multiple licenses for the same product can overlap, and they result in all enabled services being
 * applied to the user". The user holds one license (one seat) whose enabled plans are the union of the sources'
 * enabled plans, so its disabled plans are the plans every source disables: the intersection of their
 * {@code disabledPlans}. Each source keeps its own plans in its {@code licenseAssignmentState}.
 */
final class OverlappingLicenses {

    private OverlappingLicenses() {
    }

    /**
     * The disabled plans of the license held from these sources: those every source disables, in the first source's
     * order (one source: its plans unchanged).
     *
     * @param sources each source's {@code disabledPlans}; at least one
     */
    static List<UUID> disabledPlans(Collection<List<UUID>> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("A license is held from at least one source");
        }
        List<Set<UUID>> all = sources.stream().map(Set::copyOf).toList();
        return sources.iterator().next().stream().distinct()
                .filter(plan -> all.stream().allMatch(source -> source.contains(plan))).toList();
    }

    /** Whether two lists of disabled plans turn off the same plans, whatever their order. */
    static boolean same(List<UUID> one, List<UUID> other) {
        return Set.copyOf(one).equals(Set.copyOf(other));
    }
}
