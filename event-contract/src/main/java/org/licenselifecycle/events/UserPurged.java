package org.licenselifecycle.events;

import java.time.Instant;
import java.util.UUID;

/** A deleted user was removed for good: by the end of the window, or permanently deleted by an admin. */
public record UserPurged(
        UUID tenantId,
        UUID userId,
        String userPrincipalName,
        UUID purgedBy,
        Instant purgedAt) {

    public UserPurged {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.present(purgedAt, "purgedAt");
    }
}
