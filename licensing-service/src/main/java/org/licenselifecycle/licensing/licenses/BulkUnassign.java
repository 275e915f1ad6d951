package org.licenselifecycle.licensing.licenses;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;

/** The users selected for a bulk change (unassign or assign): some, each once, no more than the page allows; locked together. */
final class BulkUnassign {

    private BulkUnassign() {
    }

    /**
     * The selected users in id order, so that concurrent bulk calls lock users in the same order.
     *
     * @param limit what the page allows, e.g. "The Licenses page unassigns licenses for up to 20 users at a time"
     */
    static List<UUID> selected(UnassignRequest request, int max, String limit) {
        return selected(request == null ? null : request.userIds(), max, limit);
    }

    /** As {@link #selected(UnassignRequest, int, String)}, for any request that selects users by id. */
    static List<UUID> selected(List<UUID> ids, int max, String limit) {
        if (ids == null || ids.isEmpty()) {
            throw GraphException.badRequest("Property 'userIds' is required: select at least one user.");
        }
        if (ids.size() > max) {
            throw GraphException.badRequest(limit + "; " + ids.size() + " were selected.");
        }
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw GraphException.badRequest("userIds contains an empty id.");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : ids) {
            if (!seen.add(id)) {
                throw GraphException.badRequest("User " + id + " is selected more than once.");
            }
        }
        return ids.stream().sorted().toList();
    }

    /**
     * Locks the selected users together ({@link LicenseAssignmentRepository#lockAll}), before anything else of
     * theirs changes; one who is not an active user of the tenant is a 400 naming them.
     *
     * @return the users with the licenses they hold, in the order of {@code selected}
     */
    static List<Holder> lock(LicenseAssignmentRepository rows, UUID tenantId, List<UUID> selected) {
        Map<UUID, Holder> locked = rows.lockAll(tenantId, selected);
        return selected.stream().map(id -> Optional.ofNullable(locked.get(id))
                .orElseThrow(() -> GraphException.badRequest("User " + id + " does not exist in this tenant."))).toList();
    }
}
