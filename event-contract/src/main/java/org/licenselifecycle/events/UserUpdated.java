package org.licenselifecycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's properties changed. Carries the whole snapshot that consumers keep, not a diff, so that a
 * consumer can overwrite its copy and the last event wins.
 *
 * @param managerId the user's manager, null when none
 */
public record UserUpdated(
        UUID tenantId,
        UUID userId,
        String userPrincipalName,
        String displayName,
        String usageLocation,
        boolean accountEnabled,
        UUID managerId,
        Instant updatedAt) {

    public UserUpdated {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.text(displayName, "displayName");
        Require.present(updatedAt, "updatedAt");
    }
}
