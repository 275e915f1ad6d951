package org.licenselifecycle.directory.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.support.outbox.Outbox;

/**
 * Deleted items: deleting a user (soft) moves them out of Active users for the configured window, in
 * which they can be restored with the same id; a permanent delete or the purge removes them for good.
 * Each step commits with its event (UserDeleted, UserRestored, UserPurged) through the outbox.
 */
@ApplicationScoped
public class DeletedItemsService {

    private final UserRepository users;
    private final UserService userService;
    private final ManagerService managers;
    private final PrivilegedTargets privilegedTargets;
    private final Outbox outbox;
    private final DeletedUsersConfig config;
    private final Clock clock;

    DeletedItemsService(UserRepository users, UserService userService, ManagerService managers,
            PrivilegedTargets privilegedTargets, Outbox outbox, DeletedUsersConfig config, Clock clock) {
        this.users = users;
        this.userService = userService;
        this.managers = managers;
        this.privilegedTargets = privilegedTargets;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Moves an active user to deleted items until now + retention and announces it with UserDeleted, on
     * which licensing frees the user's licenses at once.
     *
     * @param deletedBy the admin's object id
     * @throws GraphException 404 when no active user of the tenant has this id or userPrincipalName; 403 when
     *         the caller's roles do not let them manage this user ({@link PrivilegedTargets})
     */
    @Transactional
    public User delete(UUID tenantId, String idOrUserPrincipalName, UUID deletedBy) {
        User user = userService.findForUpdate(tenantId, idOrUserPrincipalName);
        privilegedTargets.requireMayManage(user);
        OnPremisesMastered.refuseCloudChange(user);
        return softDelete(user, deletedBy);
    }

    /**
     * Moves an active user the caller's transaction holds locked to deleted items, as {@link #delete} does once the
     * caller may (also the directory synchronization, when on-premises AD removed the user): the same UserDeleted, on
     * which licensing frees the licenses and data-lifecycle keeps the mailbox and OneDrive for their retention.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public User softDelete(User user, UUID deletedBy) {
        Instant now = now();
        user.deletedAt = now;
        user.deletedBy = deletedBy;
        user.purgeAfter = now.plus(config.retention());
        // a deleted manager cannot be given the user's OneDrive
        UUID managerId = managers.activeManager(user).map(manager -> manager.id).orElse(null);
        outbox.add(user.id, new UserDeleted(user.tenantId, user.id, user.userPrincipalName, managerId, deletedBy,
                user.deletedAt, user.purgeAfter));
        userService.audit(Activity.DELETE_USER, user, List.of());
        return user;
    }

    /**
     * Brings a deleted user back to Active users with the same id and properties.
     *
     * @throws GraphException 404 when the tenant's deleted items hold no such user; 403 when the caller's
     *         roles do not let them manage this user (by the roles they held when deleted); 400 when an active
     *         user took the userPrincipalName meanwhile
     */
    @Transactional
    public User restore(UUID tenantId, String id, UUID restoredBy) {
        User user = deleted(tenantId, id);
        privilegedTargets.requireMayManage(user);
        return bringBack(user, restoredBy);
    }

    /**
     * Brings a deleted user the caller's transaction holds locked back, as {@link #restore} does once the caller may
     * (also the directory synchronization, when the user's anchor comes back inside the window): UserRestored.
     *
     * @throws GraphException 400 when an active user took the userPrincipalName meanwhile
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public User bringBack(User user, UUID restoredBy) {
        UUID tenantId = user.tenantId;
        if (users.findByUserPrincipalName(tenantId, user.userPrincipalName).isPresent()) {
            throw GraphException.badRequest(UserService.DUPLICATE_UPN);
        }
        user.deletedAt = null;
        user.deletedBy = null;
        user.purgeAfter = null;
        try {
            users.flush();
        } catch (ConstraintViolationException e) {
            // a create of the same userPrincipalName committed between the check and the flush
            throw UserService.duplicateUserPrincipalName(e);
        }
        outbox.add(user.id, new UserRestored(tenantId, user.id, user.userPrincipalName, restoredBy, now()));
        userService.audit(Activity.RESTORE_USER, user, List.of());
        return user;
    }

    /**
     * Removes a deleted user for good before the window ends; they can no longer be restored.
     *
     * @throws GraphException 404 when the tenant's deleted items hold no such user (an active user is
     *         deleted first, as in Entra ID); 403 when the caller's roles do not let them manage this user
     */
    @Transactional
    public void permanentlyDelete(UUID tenantId, String id, UUID purgedBy) {
        User user = deleted(tenantId, id);
        privilegedTargets.requireMayManage(user);
        purge(user, purgedBy);
    }

    /** @throws GraphException 404 when the tenant's deleted items hold no such user */
    @Transactional(Transactional.TxType.SUPPORTS)
    public User find(UUID tenantId, String id) {
        return ObjectIds.of(id)
                .flatMap(uuid -> users.findDeleted(tenantId, uuid))
                .orElseThrow(() -> GraphException.notFound(id));
    }

    /** Up to {@code size} of the tenant's deleted users, continuing after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserPage page(UUID tenantId, Optional<UUID> after, int size) {
        return UserPage.of(users.deletedPage(tenantId, after, size + 1), size);
    }

    /** Removes a deleted user the caller's transaction holds locked, with UserPurged; their reports lose their manager. */
    @Transactional(Transactional.TxType.MANDATORY)
    void purge(User user, UUID purgedBy) {
        for (User report : users.reportsOf(user.id)) {
            report.managerId = null;
            if (!report.isDeleted()) {
                userService.announceUpdate(report);
            }
        }
        outbox.add(user.id, new UserPurged(user.tenantId, user.id, user.userPrincipalName, purgedBy, now()));
        // the purge job's run has no caller: the audit log names this service
        userService.audit(Activity.HARD_DELETE_USER, user, List.of());
        users.delete(user);
        users.flush();
    }

    private User deleted(UUID tenantId, String id) {
        return ObjectIds.of(id)
                .flatMap(uuid -> users.findDeletedForUpdate(tenantId, uuid))
                .orElseThrow(() -> GraphException.notFound(id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
