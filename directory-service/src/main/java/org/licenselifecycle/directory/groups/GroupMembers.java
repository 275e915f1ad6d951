package org.licenselifecycle.directory.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserPage;
import org.licenselifecycle.directory.users.OnPremisesMastered;
import org.licenselifecycle.directory.users.UserService;
import org.licenselifecycle.events.GroupMembershipChanged;
import org.licenselifecycle.support.outbox.Outbox;

/**
 * Who is a member of which group, and the one place where memberships begin and end: each change is announced with
 * GroupMembershipChanged (keyed by the user, ordered with the user's deletion and restore) through the outbox in the
 * change's transaction, so that licensing-service gives and takes the group's licenses. The group's row is locked
 * for every change, so that changes of one group and its deletion take turns.
 * <p>A deleted (soft) user's memberships are kept, as Entra ID restores them with the user, and no event is written
 * for the deletion or the restore (UserDeleted and UserRestored say it); such a user is not listed as a member, cannot
 * be added and is not found to be removed. The purge ends them with the user's row (UserPurged says it).
 */
@ApplicationScoped
public class GroupMembers {

    static final String ALREADY_MEMBER = "One or more added object references already exist for the following"
            + " modified properties: 'members'.";

    private final GroupRepository groups;
    private final UserService users;
    private final Outbox outbox;
    private final GroupAudit audit;
    private final Clock clock;

    GroupMembers(GroupRepository groups, UserService users, Outbox outbox, GroupAudit audit, Clock clock) {
        this.groups = groups;
        this.users = users;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes the user a member of the group.
     *
     * @param changedBy the admin's object id
     * @throws GraphException 404 for no such group or active user in the tenant; 400 when already a member, or for a
     *         group mastered on premises
     */
    @Transactional
    public void add(UUID tenantId, String groupId, String userId, UUID changedBy) {
        Group group = lockedGroup(tenantId, groupId);
        User user = activeUser(tenantId, userId);
        if (groups.membership(group.id, user.id).isPresent()) {
            throw GraphException.badRequest(ALREADY_MEMBER);
        }
        join(group, user.id, changedBy, now());
        audit.membership(group, user.id, true);
    }

    /**
     * Ends the user's membership of the group.
     *
     * @param changedBy the admin's object id
     * @throws GraphException 404 for no such group, no such active user in the tenant, or no such membership; 400 for
     *         a group mastered on premises
     */
    @Transactional
    public void remove(UUID tenantId, String groupId, String userId, UUID changedBy) {
        Group group = lockedGroup(tenantId, groupId);
        User user = activeUser(tenantId, userId);
        GroupMember membership = groups.membership(group.id, user.id)
                .orElseThrow(() -> GraphException.notFound(userId));
        leave(group, membership, changedBy, now());
        audit.membership(group, user.id, false);
    }

    /** Ends every membership of a group being deleted, deleted users' included, each announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    void endAll(Group group, UUID changedBy) {
        Instant now = now();
        for (GroupMember membership : groups.memberships(group.id)) {
            leave(group, membership, changedBy, now);
        }
    }

    /**
     * Makes the group's active members exactly {@code userIds} (active users of the group's tenant), as the directory
     * synchronization states them: each join and each leave announced; a deleted user's membership is kept, as for
     * every other change. The caller holds the group's lock.
     *
     * @return whether a membership began or ended
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean replace(Group group, Set<UUID> userIds, UUID changedBy) {
        Instant now = now();
        Set<UUID> joining = new LinkedHashSet<>(userIds);
        boolean changed = false;
        for (GroupMember membership : groups.activeMemberships(group.id)) {
            if (!joining.remove(membership.userId)) {
                leave(group, membership, changedBy, now);
                audit.membership(group, membership.userId, false);
                changed = true;
            }
        }
        for (UUID userId : joining) {
            join(group, userId, changedBy, now);
            audit.membership(group, userId, true);
            changed = true;
        }
        return changed;
    }

    /** Up to {@code size} active members of a group of the tenant, in id order, after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserPage members(UUID tenantId, String groupId, Optional<UUID> after, int size) {
        Group group = groups.require(tenantId, groupId);
        return UserPage.of(groups.activeMembers(group.id, after, size + 1), size);
    }

    /** Up to {@code size} groups an active user of the tenant is a member of, in id order, after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupPage memberOf(UUID tenantId, String idOrUserPrincipalName, Optional<UUID> after, int size) {
        User user = users.find(tenantId, idOrUserPrincipalName);
        return GroupPage.of(groups.groupsOf(user.id, after, size + 1), size);
    }

    private Group lockedGroup(UUID tenantId, String groupId) {
        Group group = groups.requireForUpdate(tenantId, groupId);
        OnPremisesMastered.refuseCloudChange(group.onPremisesSyncEnabled);
        return group;
    }

    /** The active user of the tenant a reference names; a deleted one, another tenant's or no GUID: 404. */
    private User activeUser(UUID tenantId, String userId) {
        UUID id = ObjectIds.of(userId).orElseThrow(() -> GraphException.notFound(userId));
        return users.find(tenantId, id.toString());
    }

    private void join(Group group, UUID userId, UUID changedBy, Instant at) {
        GroupMember membership = new GroupMember();
        membership.groupId = group.id;
        membership.userId = userId;
        membership.tenantId = group.tenantId;
        membership.addedAt = at;
        groups.getEntityManager().persist(membership);
        announce(group, userId, true, changedBy, at);
    }

    private void leave(Group group, GroupMember membership, UUID changedBy, Instant at) {
        groups.getEntityManager().remove(membership);
        announce(group, membership.userId, false, changedBy, at);
    }

    private void announce(Group group, UUID userId, boolean member, UUID changedBy, Instant at) {
        outbox.add(userId, new GroupMembershipChanged(group.tenantId, userId, group.id, group.displayName, member,
                changedBy, at));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
