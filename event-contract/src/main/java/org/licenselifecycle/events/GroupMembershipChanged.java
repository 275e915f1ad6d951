package org.licenselifecycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A user joined or left a security group (an admin through Graph's {@code members/$ref}, directory synchronization,
 * or the group's deletion, which ends every membership). A snapshot of the one membership, not a diff: the last
 * event for a (group, user) pair wins, so a consumer may apply it twice. Topic {@link Topics#USER_EVENTS}, key the
 * user's id, so that it is ordered with the user's deletion and restore.
 *
 * @param groupDisplayName the group's name when the change was made, for pages that say "Inherited from ..."
 * @param member true when the user is a member from {@code changedAt} on, false when no longer
 * @param changedBy the admin's object id; null for directory synchronization and the system
 */
public record GroupMembershipChanged(
        UUID tenantId,
        UUID userId,
        UUID groupId,
        String groupDisplayName,
        boolean member,
        UUID changedBy,
        Instant changedAt) {

    public GroupMembershipChanged {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.present(groupId, "groupId");
        Require.text(groupDisplayName, "groupDisplayName");
        Require.present(changedAt, "changedAt");
    }
}
