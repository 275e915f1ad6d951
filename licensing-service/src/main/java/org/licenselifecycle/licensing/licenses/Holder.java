package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.licensing.users.UserRef;

/**
 * A user of the read model with the licenses they hold, as {@link LicenseAssignmentRepository} read them: what
 * a license change decides on (then the user stays locked until the transaction ends), or what a read shows.
 * {@code hasGroupStates}: whether the user inherits, or failed to inherit, anything from a group, so that a change of
 * their licenses announces their whole {@code licenseAssignmentStates} ({@link LicenseAssignmentStates}).
 */
record Holder(UUID tenantId, UUID userId, String userPrincipalName, String displayName, String usageLocation,
        List<LicenseRow> licenses, boolean hasGroupStates) {

    Holder {
        licenses = List.copyOf(licenses);
    }

    boolean hasValidUsageLocation() {
        return DirectoryUser.isValidUsageLocation(usageLocation);
    }

    Holder withLicenses(List<LicenseRow> held) {
        return new Holder(tenantId, userId, userPrincipalName, displayName, usageLocation, held, hasGroupStates);
    }

    UserRef ref() {
        return new UserRef(tenantId, userId, userPrincipalName);
    }

    List<UUID> skuIds() {
        return licenses.stream().map(LicenseRow::skuId).toList();
    }

    /**
     * One row of {@code license_assignment}: a product the user holds (one seat) and where it came from.
     *
     * @param disabledPlans the plans turned off in the license the user holds: those every source turns off
     *     ({@link OverlappingLicenses})
     * @param assignedByGroup a group the user inherits it from (the first by id, of {@code inherited_license}'s Active
     *     rows), null when no group gives it
     * @param direct whether it is (also) assigned directly; a license neither direct nor inherited is not held
     * @param directDisabledPlans the plans the direct assignment (or self-service purchase) turns off, as its own
     *     {@code licenseAssignmentState} says; empty when not direct
     */
    record LicenseRow(UUID skuId, List<UUID> disabledPlans, UUID selfServiceSubscriptionId, UUID assignedByGroup,
            boolean direct, List<UUID> directDisabledPlans) {

        LicenseRow {
            disabledPlans = List.copyOf(disabledPlans);
            directDisabledPlans = direct ? List.copyOf(directDisabledPlans) : List.of();
        }

        /** A license whose plans are its direct assignment's when direct (no group turning on more of them). */
        LicenseRow(UUID skuId, List<UUID> disabledPlans, UUID selfServiceSubscriptionId, UUID assignedByGroup,
                boolean direct) {
            this(skuId, disabledPlans, selfServiceSubscriptionId, assignedByGroup, direct, disabledPlans);
        }

        /** A license with one source: direct when {@code assignedByGroup} is null, else that group's. */
        LicenseRow(UUID skuId, List<UUID> disabledPlans, UUID selfServiceSubscriptionId, UUID assignedByGroup) {
            this(skuId, disabledPlans, selfServiceSubscriptionId, assignedByGroup, assignedByGroup == null);
        }

        /** The license with other plans turned off, its sources' own plans unchanged. */
        LicenseRow withDisabledPlans(List<UUID> plans) {
            return new LicenseRow(skuId, plans, selfServiceSubscriptionId, assignedByGroup, direct, directDisabledPlans);
        }

        /** The license also assigned directly, the direct assignment turning off {@code plans}. */
        LicenseRow asDirect(List<UUID> plans) {
            return new LicenseRow(skuId, disabledPlans, selfServiceSubscriptionId, assignedByGroup, true, plans);
        }

        /** The license no longer assigned directly (a group still gives it). */
        LicenseRow undirected() {
            return new LicenseRow(skuId, disabledPlans, selfServiceSubscriptionId, assignedByGroup, false, List.of());
        }
    }
}
