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

    /**
     * Error with DependencyViolation: a kept license. The group no longer gives the product (the member left, or the
     * group withdrew it), and the user keeps the license because another license of theirs depends on a plan of it
     * ({@link KeptForDependents#keep}). The group is no source of the license (not {@link #active}); the license goes
     * once nothing depends on it ({@link KeptForDependents#noLongerNeeded}).
     */
    boolean keepsLicense() {
        return ERROR.equals(state) && DEPENDENCY_VIOLATION.equals(error);
    }

    /**
     * ActiveWithError with DependencyViolation: the group gives the product and is a source of the license
     * ({@link #active}), but a dependency stands in the way of what it gives. Two cases, which the state alone does not
     * tell apart: a kept plan (the group turns off a plan that another license of the user needs, which stays on:
     * {@link KeptForDependents#keepPlans}), or an add-on the group gives that lost its prerequisite to a subscription's
     * deletion ({@link AddOnPrerequisites#lacking}), which keeps nothing on. The license's plans tell them apart: only
     * a kept plan leaves on a plan its sources turn off ({@link KeptForDependents#keepsPlanOn}).
     */
    boolean heldDespiteADependency() {
        return ACTIVE_WITH_ERROR.equals(state) && DEPENDENCY_VIOLATION.equals(error);
    }

    /** Whether a state names a group as a source of the license the user holds: Active or ActiveWithError. */
    static boolean holds(String state) {
        return ACTIVE.equals(state) || ACTIVE_WITH_ERROR.equals(state);
    }
}
