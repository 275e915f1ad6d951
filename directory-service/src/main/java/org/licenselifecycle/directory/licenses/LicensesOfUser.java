package org.licenselifecycle.directory.licenses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;

/**
 * One user's licenses as the directory knows them: the products held (Graph's {@code assignedLicenses}), the service
 * plans they gave ({@code assignedPlans}) and, once licensing-service has stated them, the license assignment states
 * ({@code licenseAssignmentStates}, with the groups' and their errors).
 *
 * @param stated licensing's latest statement of the user's states; empty before the first, when each held product is
 *     one Active state
 */
public record LicensesOfUser(List<UserLicense> rows, Optional<List<LicenseAssignmentState>> stated) {

    /** A user the directory heard of no license of. */
    public static final LicensesOfUser NONE = new LicensesOfUser(List.of());

    public LicensesOfUser {
        rows = rows.stream().sorted(Comparator.comparing((UserLicense row) -> row.skuId)).toList();
    }

    public LicensesOfUser(List<UserLicense> rows) {
        this(rows, Optional.empty());
    }

    /**
     * licensing's latest statement of the user's states while it has one from a group. licensing states a user's
     * states only while groups are involved: its last statement when the user left their last group has no group
     * state, and the user's later direct changes are stated by their licenses alone, so from then on each held product
     * is one Active state, as before the first statement.
     */
    public Optional<List<LicenseAssignmentState>> statedWithGroups() {
        return stated.filter(states -> states.stream().anyMatch(state -> state.assignedByGroup() != null));
    }

    /** The products the user holds, in product id order. */
    public List<UserLicense> held() {
        return rows.stream().filter(row -> row.held).toList();
    }

    /**
     * Each service plan the user has or had, once: enabled while a held product enables it (since the earliest
     * change of those products), otherwise deleted (since the latest change of the products that gave it), as
     * Entra ID keeps the plans of a removed license on the user.
     */
    public List<AssignedPlan> plans() {
        Map<UUID, AssignedPlan> plans = new LinkedHashMap<>();
        for (UserLicense row : held()) {
            for (int i = 0; i < row.planIds.length; i++) {
                AssignedPlan plan = new AssignedPlan(row.planIds[i], row.planServices[i], true, row.changedAt);
                plans.merge(plan.servicePlanId(), plan, (a, b) -> a.since().isBefore(b.since()) ? a : b);
            }
        }
        List<AssignedPlan> deleted = new ArrayList<>();
        for (UserLicense row : rows) {
            if (!row.held) {
                for (int i = 0; i < row.planIds.length; i++) {
                    if (!plans.containsKey(row.planIds[i])) {
                        deleted.add(new AssignedPlan(row.planIds[i], row.planServices[i], false, row.changedAt));
                    }
                }
            }
        }
        Map<UUID, AssignedPlan> gone = new LinkedHashMap<>();
        deleted.forEach(plan -> gone.merge(plan.servicePlanId(), plan, (a, b) -> a.since().isAfter(b.since()) ? a : b));
        List<AssignedPlan> all = new ArrayList<>(plans.values());
        all.addAll(gone.values());
        return all;
    }

    /**
     * A service plan on the user.
     *
     * @param enabled whether a product the user holds enables it (Graph's capabilityStatus Enabled; Deleted when not)
     * @param since when it was assigned, or deleted
     */
    public record AssignedPlan(UUID servicePlanId, String service, boolean enabled, Instant since) {
    }
}
