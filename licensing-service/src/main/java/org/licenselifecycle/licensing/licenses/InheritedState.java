package org.licenselifecycle.licensing.licenses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a member inherits of one product from one group, as Graph's {@code licenseAssignmentState}: {@code state}
 * Active (the user holds it through the group), ActiveWithError (holds it through the group, but the group's last
 * processing of the user failed: another product of the group could not be given, the group turns off a plan another
 * license of the user still needs, which stays on, or an add-on it gives lost its prerequisite to a subscription's
 * deletion) or Error (the group gives the user no license of it), with
 * {@code error} None (Active only), CountViolation (no seat left),
 * MutuallyExclusiveViolation (its mailbox plan conflicts with one the user holds),
 * ProhibitedInUsageLocationViolation (the user has no valid usage location) or DependencyViolation (the group no
 * longer gives it, or turns off a plan of it, but the user keeps it for another license that depends on it:
 * {@link KeptForDependents}).
 */
record InheritedState(UUID groupId, UUID skuId, List<UUID> disabledPlans, String state, String error,
        Instant updatedAt) {

    static final String ACTIVE = "Active";
    static final String ACTIVE_WITH_ERROR = "ActiveWithError";
    static final String ERROR = "Error";
    static final String NONE = "None";
    static final String COUNT_VIOLATION = "CountViolation";
    static final String MUTUALLY_EXCLUSIVE_VIOLATION = "MutuallyExclusiveViolation";
    static final String USAGE_LOCATION_VIOLATION = "ProhibitedInUsageLocationViolation";
    static final String DEPENDENCY_VIOLATION = "DependencyViolation";

    InheritedState {
        disabledPlans = List.copyOf(disabledPlans);
    }

    /** Whether the user holds the product through this group (Active, or ActiveWithError): the group is a source. */
    boolean active() {
        return holds(state);
    }

    /** Whether a state names a group as a source of the license the user holds: Active or ActiveWithError. */
    static boolean holds(String state) {
        return ACTIVE.equals(state) || ACTIVE_WITH_ERROR.equals(state);
    }
}
