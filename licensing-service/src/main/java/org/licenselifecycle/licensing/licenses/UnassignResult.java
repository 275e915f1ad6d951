package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/** What a bulk unassign did: each selected user with the products removed from them, and those kept, with why. */
public record UnassignResult(List<Unassigned> users) {

    /**
     * The products removed from one user, and the licenses that stayed because an admin cannot remove them here
     * (always none on the Licenses page and Your products, which remove one product all or nothing).
     */
    public record Unassigned(UUID userId, String userPrincipalName, List<UUID> removedSkuIds, List<KeptLicense> kept) {

        public Unassigned {
            removedSkuIds = List.copyOf(removedSkuIds);
            kept = List.copyOf(kept);
        }

        Unassigned(UUID userId, String userPrincipalName, List<UUID> removedSkuIds) {
            this(userId, userPrincipalName, removedSkuIds, List.of());
        }
    }
}
