package org.licenselifecycle.directory.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserRepository;
import org.licenselifecycle.events.DirectoryAuditRecorded.ModifiedProperty;
import org.licenselifecycle.support.audit.AuditLog;
import org.licenselifecycle.support.audit.AuditTargets;

/**
 * Group changes in the tenant's audit log, as Entra ID records them (category GroupManagement): "Add group", "Update
 * group", "Delete group", "Add member to group" and "Remove member from group", by whoever made the change (an admin,
 * or the sync agent for a group mastered on premises). Written in the change's transaction, where directory keeps its
 * own entries at once.
 */
@ApplicationScoped
class GroupAudit {

    private final AuditLog auditLog;
    private final UserRepository users;

    GroupAudit(AuditLog auditLog, UserRepository users) {
        this.auditLog = auditLog;
        this.users = users;
    }

    /** "Add group", with the properties it was created with. */
    @Transactional(Transactional.TxType.MANDATORY)
    void added(Group group) {
        record(Activity.ADD_GROUP, group, AuditTargets.only(
                AuditTargets.changed("DisplayName", null, group.displayName),
                AuditTargets.changed("MailNickname", null, group.mailNickname),
                AuditTargets.changed("Description", null, group.description)));
    }

    /** "Update group" with what changed; nothing when nothing did. */
    @Transactional(Transactional.TxType.MANDATORY)
    void updated(Group group, List<ModifiedProperty> changed) {
        if (!changed.isEmpty()) {
            record(Activity.UPDATE_GROUP, group, changed);
        }
    }

    /** "Delete group". */
    @Transactional(Transactional.TxType.MANDATORY)
    void deleted(Group group) {
        record(Activity.DELETE_GROUP, group, List.of());
    }

    /** "Add member to group" ({@code member}: true) or "Remove member from group": the user, then the group. */
    @Transactional(Transactional.TxType.MANDATORY)
    void membership(Group group, UUID userId, boolean member) {
        // the members the sync names are in the persistence context already: found without a query
        User user = users.findById(userId);
        List<ModifiedProperty> groupNamed = AuditTargets.only(
                AuditTargets.changed("Group.ObjectID", member ? null : group.id, member ? group.id : null),
                AuditTargets.changed("Group.DisplayName", member ? null : group.displayName,
                        member ? group.displayName : null));
        auditLog.record(group.tenantId, auditLog.caller(),
                member ? Activity.ADD_MEMBER_TO_GROUP : Activity.REMOVE_MEMBER_FROM_GROUP,
                List.of(AuditTargets.user(user.id, user.displayName, user.userPrincipalName, groupNamed),
                        AuditTargets.group(group.id, group.displayName, List.of())), List.of());
    }

    private void record(Activity activity, Group group, List<ModifiedProperty> changed) {
        auditLog.record(group.tenantId, activity, AuditTargets.group(group.id, group.displayName, changed));
    }
}
