package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The one way licensing reads and writes {@code group_member}, the read model of directory's memberships: one row per
 * (group, user), each a snapshot that the latest {@code GroupMembershipChanged} wins, so events applied twice or out
 * of order leave the same rows.
 */
@ApplicationScoped
class GroupMembers {

    private final Sql sql;

    GroupMembers(Sql sql) {
        this.sql = sql;
    }

    /**
     * Records the membership as of {@code changedAt} unless a later one is recorded: true when it changed whether the
     * user is a member (a later or equal one recorded, or the same state again, changes nothing).
     */
    boolean record(UUID tenantId, UUID groupId, UUID userId, boolean member, Instant changedAt) {
        Boolean before = sql.first("SELECT member FROM group_member WHERE group_id = ? AND user_id = ? FOR UPDATE",
                row -> row.getBoolean(1), groupId, userId).orElse(null);
        int written = sql.update("""
                INSERT INTO group_member (group_id, user_id, tenant_id, member, changed_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (group_id, user_id) DO UPDATE SET member = EXCLUDED.member, changed_at = EXCLUDED.changed_at
                WHERE group_member.changed_at < EXCLUDED.changed_at AND group_member.tenant_id = EXCLUDED.tenant_id""",
                groupId, userId, tenantId, member, changedAt);
        return written == 1 && (before == null ? member : before != member);
    }

    /** The group's members now, in id order. */
    List<UUID> of(UUID tenantId, UUID groupId) {
        return sql.list("SELECT user_id FROM group_member WHERE tenant_id = ? AND group_id = ? AND member ORDER BY user_id",
                row -> Sql.uuid(row, 1), tenantId, groupId);
    }
}
