package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/** What a bulk assign on the Licenses page did: each selected user with the products given to them. */
public record AssignResult(List<Assigned> users) {

    /** The products given to one user. */
    public record Assigned(UUID userId, String userPrincipalName, List<UUID> assignedSkuIds) {
    }
}
