package org.licenselifecycle.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's license assignment states, as Graph's {@code licenseAssignmentStates}: every product the user holds or was
 * meant to inherit, directly ({@code assignedByGroup} null) and from each group, with the state of each. The whole
 * list, not a diff: a consumer overwrites its copy. licensing-service publishes it on every change of a user who has
 * or had a state from a group; for a user it never published one for, each assigned license is one direct, Active
 * state. Topic {@link Topics#LICENSE_EVENTS}, key the user's id.
 */
public record LicenseAssignmentStatesChanged(
        UUID tenantId,
        UUID userId,
        List<LicenseAssignmentState> states,
        Instant changedAt) {

    public LicenseAssignmentStatesChanged {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        states = Require.list(states, "states");
        Require.present(changedAt, "changedAt");
    }

    /**
     * One product for the user, as Graph's {@code licenseAssignmentState}.
     *
     * @param state {@code Active}, {@code ActiveWithError}, {@code Disabled} or {@code Error}
     * @param error {@code None}, {@code CountViolation}, {@code MutuallyExclusiveViolation},
     *     {@code DependencyViolation}, {@code ProhibitedInUsageLocationViolation}, {@code UniquenessViolation} or
     *     {@code Other}
     */
    public record LicenseAssignmentState(
            UUID skuId,
            List<UUID> disabledPlans,
            UUID assignedByGroup,
            String state,
            String error,
            Instant lastUpdatedDateTime) {

        public LicenseAssignmentState {
            Require.present(skuId, "skuId");
            disabledPlans = Require.list(disabledPlans, "disabledPlans");
            Require.text(state, "state");
            Require.text(error, "error");
            Require.present(lastUpdatedDateTime, "lastUpdatedDateTime");
        }
    }
}
