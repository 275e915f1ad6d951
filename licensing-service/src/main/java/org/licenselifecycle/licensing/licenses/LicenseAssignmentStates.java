package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.support.outbox.Outbox;

/**
 * Announces a user's whole {@code licenseAssignmentStates} (LicenseAssignmentStatesChanged, through the outbox of the
 * change's transaction): each license assigned directly, as one Active state, and each product each group gives them
 * ({@link InheritedState}), each with its own source's disabled plans (the license held merges them:
 * {@link OverlappingLicenses}). Called for a user who has or had a state from a group whenever their licenses or states
 * change; a user without groups is never announced here (their direct assignments are their states).
 */
@ApplicationScoped
class LicenseAssignmentStates {

    private final LicenseAssignmentRepository rows;
    private final InheritedLicenses inherited;
    private final Outbox outbox;

    LicenseAssignmentStates(LicenseAssignmentRepository rows, InheritedLicenses inherited, Outbox outbox) {
        this.rows = rows;
        this.inherited = inherited;
        this.outbox = outbox;
    }

    /** The user's states now, direct ones first (by product), then the groups' (by product, then group). */
    List<LicenseAssignmentState> of(UUID userId) {
        return of(userId, inherited.of(userId));
    }

    /** The same, with the user's states from groups as the caller read (and changed) them in this transaction. */
    private List<LicenseAssignmentState> of(UUID userId, List<InheritedState> fromGroups) {
        List<LicenseAssignmentState> states = new ArrayList<>();
        rows.heldBy(userId).stream().filter(given -> given.license().direct())
                .map(given -> new LicenseAssignmentState(given.license().skuId(),
                        given.license().directDisabledPlans(), null, InheritedState.ACTIVE, InheritedState.NONE,
                        given.assignedAt()))
                .forEach(states::add);
        fromGroups.stream()
                .map(state -> new LicenseAssignmentState(state.skuId(), state.disabledPlans(), state.groupId(),
                        state.state(), state.error(), state.updatedAt()))
                .forEach(states::add);
        return states;
    }

    /** Announces the states of the user (locked by the caller) as they are now. */
    @Transactional(Transactional.TxType.MANDATORY)
    void announce(UUID tenantId, UUID userId, Instant at) {
        outbox.add(userId, new LicenseAssignmentStatesChanged(tenantId, userId, of(userId), at));
    }

    /**
     * Announces the states of the user (locked by the caller), whose states from groups the caller read once in this
     * transaction and kept up to date with what it dropped ({@code fromGroups}, by product then group): no second read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void announce(UUID tenantId, UUID userId, Instant at, List<InheritedState> fromGroups) {
        outbox.add(userId, new LicenseAssignmentStatesChanged(tenantId, userId, of(userId, fromGroups), at));
    }
}
