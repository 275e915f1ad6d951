package org.licenselifecycle.directory.directorysync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.directorysync.SyncResult.Outcome;
import org.licenselifecycle.directory.users.DeletedItemsService;
import org.licenselifecycle.directory.users.ManagerService;
import org.licenselifecycle.directory.users.RoleRecord;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserRepository;
import org.licenselifecycle.directory.users.UserService;

/**
 * Writes one entry of a sync batch, in its own transaction, through the directory's own ways of creating, changing,
 * deleting and restoring users (so the events and audit entries are those of an admin's change, and a removal is the
 * admin center's soft delete). Matching as Entra Connect does: by anchor (hard match, also in deleted items: brought
 * back with the same id), else by userPrincipalName (soft match of a cloud user, which then becomes synchronized;
 * refused for a holder of an admin role, as Entra ID blocks it), else a new user. Nothing changes when the entry
 * matches what the directory holds: a replayed batch writes no event.
 */
@ApplicationScoped
public class SyncedUserWriter {

    static final String SOFT_MATCH_OF_ADMIN = "The cloud user with this userPrincipalName holds an administrative role:"
            + " it is not matched to an on-premises object by userPrincipalName (soft match).";
    /** Password hash synchronization keeps the password on premises: no cloud password matches this. */
    private static final String NO_CLOUD_PASSWORD = "!on-premises";

    private final UserRepository users;
    private final UserService userService;
    private final DeletedItemsService deletedItems;
    private final ManagerService managers;
    private final RoleRecord roles;
    private final Clock clock;

    SyncedUserWriter(UserRepository users, UserService userService, DeletedItemsService deletedItems,
            ManagerService managers, RoleRecord roles, Clock clock) {
        this.users = users;
        this.userService = userService;
        this.deletedItems = deletedItems;
        this.managers = managers;
        this.roles = roles;
        this.clock = clock;
    }

    /** Creates, restores or changes the user with the entry's anchor so that it holds what AD holds. */
    @Transactional
    public SyncResult upsert(UUID tenantId, SyncedUser entry, UUID syncedBy) {
        // one sync write of the tenant at a time, taking first the lock a manager change takes anyway
        users.lockReportingLines(tenantId);
        String anchor = entry.onPremisesImmutableId();
        Optional<User> manager = Optional.ofNullable(entry.managerImmutableId())
                .map(managerAnchor -> users.findActiveByImmutableId(tenantId, managerAnchor)
                        .orElseThrow(() -> GraphException.notFound(managerAnchor)));
        Optional<User> anchored = users.findByImmutableIdForUpdate(tenantId, anchor);
        User user;
        Outcome outcome;
        if (anchored.isEmpty()) {
            Optional<User> sameName = users.findByUserPrincipalName(tenantId, entry.userPrincipalName());
            if (sameName.isPresent()) {
                user = softMatch(sameName.get(), anchor);
                outcome = Outcome.UPDATED;
            } else {
                user = userService.add(newUser(tenantId, entry));
                outcome = Outcome.CREATED;
            }
        } else if (anchored.get().isDeleted()) {
            user = deletedItems.bringBack(anchored.get(), syncedBy);
            outcome = Outcome.RESTORED;
        } else {
            user = anchored.get();
            outcome = Outcome.UNCHANGED;
        }
        boolean changed = outcome != Outcome.CREATED && userService.change(user, entry.changes());
        changed |= managers.synchronise(user, manager);
        changed |= onPremisesAttributes(user, entry);
        if (outcome == Outcome.UNCHANGED && changed) {
            outcome = Outcome.UPDATED;
        }
        if (outcome != Outcome.UNCHANGED) {
            user.onPremisesLastSyncAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        }
        return SyncResult.of(anchor, user.id, outcome);
    }

    /** Soft-deletes the active user with this anchor, as an admin's deletion does; nothing when there is none. */
    @Transactional
    public SyncResult remove(UUID tenantId, String anchor, UUID syncedBy) {
        users.lockReportingLines(tenantId);
        Optional<User> user = users.findByImmutableIdForUpdate(tenantId, anchor).filter(u -> !u.isDeleted());
        if (user.isEmpty()) {
            return SyncResult.of(anchor, null, Outcome.UNCHANGED);
        }
        user.get().onPremisesLastSyncAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        deletedItems.softDelete(user.get(), syncedBy);
        return SyncResult.of(anchor, user.get().id, Outcome.DELETED);
    }

    private User softMatch(User user, String anchor) {
        users.getEntityManager().refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (user.isDeleted() || user.onPremisesImmutableId != null) {
            // deleted meanwhile, or another on-premises object holds the name
            throw GraphException.badRequest(UserService.DUPLICATE_UPN);
        }
        if (!roles.roleTemplateIdsOf(user).isEmpty()) {
            throw GraphException.badRequest(SOFT_MATCH_OF_ADMIN);
        }
        user.onPremisesSyncEnabled = true;
        user.onPremisesImmutableId = anchor;
        return user;
    }

    private static User newUser(UUID tenantId, SyncedUser entry) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.tenantId = tenantId;
        user.userPrincipalName = entry.userPrincipalName();
        user.displayName = entry.displayName();
        user.givenName = entry.givenName();
        user.surname = entry.surname();
        user.mail = entry.mail();
        user.mailNickname = entry.userPrincipalName().substring(0, entry.userPrincipalName().indexOf('@'));
        user.usageLocation = entry.usageLocation();
        user.accountEnabled = entry.accountEnabled();
        user.jobTitle = entry.jobTitle();
        user.department = entry.department();
        user.passwordHash = NO_CLOUD_PASSWORD;
        user.onPremisesSyncEnabled = true;
        user.onPremisesImmutableId = entry.onPremisesImmutableId();
        onPremisesAttributes(user, entry);
        return user;
    }

    /** Sets AD's own names of the user (sAMAccountName, distinguished name, domain); whether one changed. */
    private static boolean onPremisesAttributes(User user, SyncedUser entry) {
        boolean changed = !Objects.equals(user.onPremisesSamAccountName, entry.onPremisesSamAccountName())
                || !Objects.equals(user.onPremisesDistinguishedName, entry.onPremisesDistinguishedName())
                || !Objects.equals(user.onPremisesDomainName, entry.onPremisesDomainName());
        user.onPremisesSamAccountName = entry.onPremisesSamAccountName();
        user.onPremisesDistinguishedName = entry.onPremisesDistinguishedName();
        user.onPremisesDomainName = entry.onPremisesDomainName();
        return changed;
    }
}
