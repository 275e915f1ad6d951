package org.licenselifecycle.directory.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's membership of a group. A soft-deleted user's memberships are kept (Entra ID restores them with the user)
 * but not listed; the purge ends them with the user.
 */
@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember {

    @Id
    @Column(name = "group_id")
    public UUID groupId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    /** The composite key: one row per group and user. */
    public static class Key implements Serializable {
        public UUID groupId;
        public UUID userId;

        public Key() {
        }

        Key(UUID groupId, UUID userId) {
            this.groupId = groupId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(groupId, other.groupId) && Objects.equals(userId, other.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, userId);
        }
    }
}
