package org.licenselifecycle.directory.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.directory.users.OnPremisesMastered;

/**
 * The directory synchronization's way into groups mastered in on-premises AD: the one writer of a synced group, which
 * {@link OnPremisesMastered} refuses to every cloud request. Keyed by the group's anchor in its tenant; never matched
 * to a cloud group by name (Entra ID does not soft-match groups), so a cloud group of the same name stays another
 * group. Memberships begin and end through {@link GroupMembers} (each announced), the deletion through
 * {@link GroupService}'s; nothing is written when the group already holds what AD states (a replay).
 */
@ApplicationScoped
public class SyncedGroups {

    /** What an upsert did to the group. */
    public enum Written {
        CREATED, UPDATED, UNCHANGED
    }

    /** The group an upsert wrote, and what it did. */
    public record Synced(UUID groupId, Written written) {
    }

    private final GroupRepository groups;
    private final GroupService groupService;
    private final GroupMembers members;
    private final Clock clock;

    SyncedGroups(GroupRepository groups, GroupService groupService, GroupMembers members, Clock clock) {
        this.groups = groups;
        this.groupService = groupService;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Creates or changes the tenant's group with this anchor so that it holds what AD holds: the properties, and
     * exactly these active users as members.
     *
     * @param properties the group's displayName, description and mailNickname, each given (description may be empty)
     * @param memberIds active users of the tenant
     * @param syncedBy the sync agent's object id, named in the membership events
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Synced upsert(UUID tenantId, String anchor, GroupChanges properties, Set<UUID> memberIds, UUID syncedBy) {
        GroupValidation.validate(properties);
        Optional<Group> anchored = groups.findByImmutableIdForUpdate(tenantId, anchor);
        Group group;
        Written written;
        if (anchored.isPresent()) {
            group = anchored.get();
            written = groupService.change(group, properties) ? Written.UPDATED : Written.UNCHANGED;
        } else {
            group = groupService.newGroup(tenantId, properties.displayName().orElseThrow(),
                    properties.description().orElse(null), properties.mailNickname().orElseThrow());
            group.onPremisesSyncEnabled = true;
            group.onPremisesImmutableId = anchor;
            groupService.add(group);
            written = Written.CREATED;
        }
        // the properties first, so that the membership events carry the group's new name
        if (members.replace(group, memberIds, syncedBy) && written == Written.UNCHANGED) {
            written = Written.UPDATED;
        }
        if (written != Written.UNCHANGED) {
            group.onPremisesLastSyncAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        }
        return new Synced(group.id, written);
    }

    /**
     * Deletes the tenant's group with this anchor for good, as an admin's deletion of a cloud group does: every
     * membership ends, each announced.
     *
     * @return the deleted group's id; empty when the tenant has no group with this anchor
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> remove(UUID tenantId, String anchor, UUID syncedBy) {
        Optional<Group> group = groups.findByImmutableIdForUpdate(tenantId, anchor);
        group.ifPresent(found -> groupService.remove(found, syncedBy));
        return group.map(found -> found.id);
    }
}
