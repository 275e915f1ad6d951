package org.licenselifecycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A user was deleted (soft): they left Active users and sit in deleted items until {@code purgeAfter},
 * when they can no longer be restored. Their licenses are freed at once.
 *
 * @param managerId the user's manager at deletion, who gets access to their OneDrive; null when none
 * @param deletedBy the admin's object id, null when the system (directory sync) deleted them
 */
public record UserDeleted(
        UUID tenantId,
        UUID userId,
        String userPrincipalName,
        UUID managerId,
        UUID deletedBy,
        Instant deletedAt,
        Instant purgeAfter) {

    public UserDeleted {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.present(deletedAt, "deletedAt");
        Require.present(purgeAfter, "purgeAfter");
    }
}
