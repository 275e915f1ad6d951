package org.licenselifecycle.events;

import java.time.Instant;
import java.util.UUID;

/** A deleted user was restored from deleted items with the same id, inside the window. */
public record UserRestored(
        UUID tenantId,
        UUID userId,
        String userPrincipalName,
        UUID restoredBy,
        Instant restoredAt) {

    public UserRestored {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.present(restoredAt, "restoredAt");
    }
}
