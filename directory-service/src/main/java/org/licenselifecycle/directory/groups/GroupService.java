package org.licenselifecycle.directory.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.users.OnPremisesMastered;
import org.licenselifecycle.events.DirectoryAuditRecorded.ModifiedProperty;
import org.licenselifecycle.support.audit.AuditTargets;

/**
 * Creates, changes, reads and deletes the security groups of a tenant's directory. Every read is confined to the
 * given tenant, so another tenant's group is as absent as an unknown one. A group mastered on premises changes only
 * through the sync ({@link OnPremisesMastered}). Deleting a group ends every membership
 * ({@link GroupMembers#endAll}), announced in the same transaction.
 */
@ApplicationScoped
public class GroupService {

    private final GroupRepository groups;
    private final GroupMembers members;
    private final GroupAudit audit;
    private final Clock clock;

    GroupService(GroupRepository groups, GroupMembers members, GroupAudit audit, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a security group in the tenant. */
    @Transactional
    public Group create(UUID tenantId, NewGroup request) {
        GroupValidation.validate(request);
        return add(newGroup(tenantId, request.displayName(), request.description(), request.mailNickname()));
    }

    /** Stores a new group (an admin's, or the sync's with its anchor set) and records "Add group". */
    @Transactional(Transactional.TxType.MANDATORY)
    Group add(Group group) {
        groups.persist(group);
        audit.added(group);
        return group;
    }

    /** A new group of the tenant, not yet stored. */
    Group newGroup(UUID tenantId, String displayName, String description, String mailNickname) {
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.tenantId = tenantId;
        group.displayName = displayName;
        group.description = description;
        group.mailNickname = mailNickname;
        group.createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return group;
    }

    /**
     * A group of the tenant by id.
     *
     * @throws GraphException 404 when the tenant has no such group (or the id is no GUID)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Group find(UUID tenantId, String id) {
        return groups.require(tenantId, id);
    }

    /**
     * Sets the properties a PATCH names.
     *
     * @throws GraphException 404 for no such group; 400 for a value that breaks Entra ID's rules or a group mastered
     *         on premises
     */
    @Transactional
    public Group update(UUID tenantId, String id, GroupChanges changes) {
        GroupValidation.validate(changes);
        Group group = groups.requireForUpdate(tenantId, id);
        OnPremisesMastered.refuseCloudChange(group.onPremisesSyncEnabled);
        change(group, changes);
        return group;
    }

    /**
     * Sets the (validated) properties the changes name on the locked group and records "Update group" with what
     * changed (an admin's PATCH, or the sync's).
     *
     * @return whether a property changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean change(Group group, GroupChanges changes) {
        String displayName = changes.displayName() == null ? group.displayName : changes.displayName().orElseThrow();
        String description = changes.description() == null ? group.description : changes.description().orElse(null);
        String mailNickname = changes.mailNickname() == null ? group.mailNickname : changes.mailNickname().orElseThrow();
        List<ModifiedProperty> changed = AuditTargets.only(
                AuditTargets.changed("DisplayName", group.displayName, displayName),
                AuditTargets.changed("Description", group.description, description),
                AuditTargets.changed("MailNickname", group.mailNickname, mailNickname));
        group.displayName = displayName;
        group.description = description;
        group.mailNickname = mailNickname;
        audit.updated(group, changed);
        return !changed.isEmpty();
    }

    /**
     * Deletes a security group for good, as Entra ID does (security groups do not go to deleted items): every
     * membership ends, each announced with GroupMembershipChanged in the same transaction. Entra ID: "You must
     * remove all licenses assigned to a group before you can delete the group"; a group the read model of licensing's
     * GroupLicensesChanged ({@link GroupLicenses}) says gives any product is refused, which also keeps its members'
     * inherited licenses from being dropped silently by a deletion.
     *
     * @param deletedBy the admin's object id
     * @throws GraphException 404 for no such group; 400 for a group mastered on premises or one that still gives
     *         products
     */
    @Transactional
    public void delete(UUID tenantId, String id, UUID deletedBy) {
        // locked as GroupLicenses locks it, so a GroupLicensesChanged being applied is seen or waits for the deletion
        Group group = groups.requireForUpdate(tenantId, id);
        OnPremisesMastered.refuseCloudChange(group.onPremisesSyncEnabled);
        remove(group, deletedBy);
    }

    /**
     * Deletes the locked group for good, every membership ended and announced first; refused while the group still
     * gives licenses (the admin's deletion and the sync's alike).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void remove(Group group, UUID deletedBy) {
        if (!groups.licenses(List.of(group.id)).isEmpty()) {
            throw GraphException.badRequest("Group " + group.id + " still has licenses assigned. You must remove all "
                    + "licenses assigned to a group before you can delete the group.");
        }
        members.endAll(group, deletedBy);
        audit.deleted(group);
        groups.delete(group);
    }

    /** Up to {@code size} groups of the tenant the filter selects, in id order, after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupPage page(UUID tenantId, GroupFilter filter, Optional<UUID> after, int size) {
        return GroupPage.of(groups.page(tenantId, filter, after, size + 1), size);
    }

    /** The products each of the groups gives (licensing's, through its events); a group without any is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<GroupLicense>> licenses(List<Group> of) {
        return groups.licenses(of.stream().map(group -> group.id).toList());
    }

    /** How many groups of the tenant the filter selects (Graph's {@code @odata.count}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID tenantId, GroupFilter filter) {
        return groups.count(tenantId, filter);
    }
}
