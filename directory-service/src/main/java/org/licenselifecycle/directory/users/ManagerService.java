package org.licenselifecycle.directory.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.support.audit.AuditTargets;

/**
 * A user's manager (Graph's {@code manager} reference): another active user of the same tenant, never the
 * user themselves nor one of the people who report to them, directly or not. Every change is announced
 * with UserUpdated; the manager at deletion gets access to the deleted user's OneDrive, which is why changing
 * the manager of a privileged admin takes the right to manage them ({@link PrivilegedTargets}).
 */
@ApplicationScoped
public class ManagerService {

    private final UserRepository users;
    private final UserService userService;
    private final PrivilegedTargets privilegedTargets;

    ManagerService(UserRepository users, UserService userService, PrivilegedTargets privilegedTargets) {
        this.users = users;
        this.userService = userService;
        this.privilegedTargets = privilegedTargets;
    }

    /** The user's manager, if they have one that is not deleted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public User managerOf(UUID tenantId, String idOrUserPrincipalName) {
        User user = userService.find(tenantId, idOrUserPrincipalName);
        return activeManager(user).orElseThrow(() -> GraphException.notFound("manager"));
    }

    /**
     * Makes {@code managerId} the user's manager.
     *
     * @throws GraphException 404 for an unknown user or manager (another tenant's is unknown); 403 when the
     *         caller's roles do not let them manage the user; 400 for the user themselves, a manager who
     *         reports to the user, or an account mastered on premises
     */
    @Transactional
    public void assign(UUID tenantId, String idOrUserPrincipalName, String managerId) {
        // one reporting-line change at a time per tenant, so two changes cannot close a cycle together
        users.lockReportingLines(tenantId);
        User user = userService.findForUpdate(tenantId, idOrUserPrincipalName);
        privilegedTargets.requireMayManage(user);
        OnPremisesMastered.refuseCloudChange(user);
        User manager = ObjectIds.of(managerId)
                .flatMap(id -> users.findInTenant(tenantId, id))
                .orElseThrow(() -> GraphException.notFound(managerId));
        setManager(user, manager);
    }

    /**
     * Gives a user the caller's transaction holds locked the manager on-premises AD names, or none (the directory
     * synchronization; AD owns the reporting line of its users), with the rules and announcements of {@link #assign}
     * and {@link #remove}. The caller holds the tenant's reporting-lines lock ({@link UserRepository#lockReportingLines}).
     *
     * @return whether the manager changed
     * @throws GraphException 400 for the user themselves or a manager who reports to the user
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean synchronise(User user, Optional<User> manager) {
        if (manager.isPresent()) {
            return setManager(user, manager.get());
        }
        if (user.managerId == null) {
            return false;
        }
        clearManager(user);
        return true;
    }

    private boolean setManager(User user, User manager) {
        if (manager.id.equals(user.id)) {
            throw GraphException.badRequest("A user cannot be their own manager.");
        }
        refuseCycle(user, manager);
        if (manager.id.equals(user.managerId)) {
            return false;
        }
        UUID before = user.managerId;
        user.managerId = manager.id;
        userService.announceUpdate(user);
        userService.audit(Activity.SET_USER_MANAGER, user,
                AuditTargets.only(AuditTargets.changed("Manager", before, manager.id)));
        return true;
    }

    /** Removes the user's manager; 404 when they have none, as Graph answers; 403 as for {@link #assign}. */
    @Transactional
    public void remove(UUID tenantId, String idOrUserPrincipalName) {
        users.lockReportingLines(tenantId);
        User user = userService.findForUpdate(tenantId, idOrUserPrincipalName);
        privilegedTargets.requireMayManage(user);
        OnPremisesMastered.refuseCloudChange(user);
        if (user.managerId == null) {
            throw GraphException.notFound("manager");
        }
        clearManager(user);
    }

    private void clearManager(User user) {
        UUID before = user.managerId;
        user.managerId = null;
        userService.announceUpdate(user);
        userService.audit(Activity.REMOVE_USER_MANAGER, user,
                AuditTargets.only(AuditTargets.changed("Manager", before, null)));
    }

    /** The manager the user has while that manager is not deleted: a deleted manager's access waits for their restore. */
    public Optional<User> activeManager(User user) {
        return user.managerId == null ? Optional.empty() : users.findInTenant(user.tenantId, user.managerId);
    }

    private void refuseCycle(User user, User manager) {
        Set<UUID> seen = new HashSet<>();
        for (UUID above = manager.managerId; above != null && seen.add(above); ) {
            if (above.equals(user.id)) {
                throw GraphException.badRequest("The manager reports to this user, directly or indirectly:"
                        + " the reporting line would be a cycle.");
            }
            above = users.findByIdOptional(above).map(u -> u.managerId).orElse(null);
        }
    }
}
