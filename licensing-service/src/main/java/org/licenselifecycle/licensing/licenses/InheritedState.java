package org.licenselifecycle.licensing.licenses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a member inherits of one product from one group, as Graph's {@code licenseAssignmentState}: {@code state}
 * Active (the user holds it) or Error, with {@code error} None, CountViolation (no seat left),
 * MutuallyExclusiveViolation (its mailbox plan conflicts with one the user holds),
 * ProhibitedInUsageLocationViolation (the user has no valid usage location) or DependencyViolation (the group no
 * longer gives it, but the user keeps it for another license that depends on it: {@link KeptForDependents}).
 */
record InheritedState(UUID groupId, UUID skuId, List<UUID> disabledPlans, String state, String error,
        Instant updatedAt) {

    static final String ACTIVE = "Active";
    static final String ERROR = "Error";
    static final String NONE = "None";
    static final String COUNT_VIOLATION = "CountViolation";
    static final String MUTUALLY_EXCLUSIVE_VIOLATION = "MutuallyExclusiveViolation";
    static final String USAGE_LOCATION_VIOLATION = "ProhibitedInUsageLocationViolation";
    static final String DEPENDENCY_VIOLATION = "DependencyViolation";

    InheritedState {
        disabledPlans = List.copyOf(disabledPlans);
    }

    boolean active() {
        return ACTIVE.equals(state);
    }
}
