package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/** What a bulk unassign did: each selected user with the products removed from them. */
public record UnassignResult(List<Unassigned> users) {

    /** The products removed from one user. */
    public record Unassigned(UUID userId, String userPrincipalName, List<UUID> removedSkuIds) {
    }
}
