package org.licenselifecycle.directory.users;

import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.HELPDESK_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.USER_ADMINISTRATOR;
import static org.licenselifecycle.support.security.GraphPermission.DIRECTORY_ACCESS_AS_USER_ALL;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.support.security.Grant;

/**
 * Which users each admin role may act on: the one place that decides, for every way the directory changes
 * a user (PATCH of any property, delete, offboarding, restore, permanent delete, manager reference). It
 * follows Microsoft Graph's "Who can perform sensitive actions" tables (users resource, "Who can reset
 * passwords?" and "Who can update sensitive attributes?"), for the roles this system knows:
 * <ul>
 * <li>a user holding no admin role: Global and User Administrators; a Helpdesk Administrator for a password
 * reset;</li>
 * <li>a User Administrator: Global and User Administrators;</li>
 * <li>a Helpdesk Administrator: Global and User Administrators; also a Helpdesk Administrator for a password
 * reset;</li>
 * <li>a Global Administrator, License Administrator, Billing Administrator, Global Reader, or any role this
 * directory does not know: a Global Administrator only.</li>
 * </ul>
 * A user holding several roles may be acted on only by a caller allowed for every one of them. The caller's
 * roles are those of their token ({@code wids}); the target's are the directory's own record
 * ({@link RoleRecord}), also for a deleted user.
 *
 * <p>Tokens as Graph reads them ({@link Grant}): an application calling as itself (app-only) manages users holding
 * no admin role with its application permission alone (User.ReadWrite.All, checked per operation by
 * {@code Operations}); to reset a password, or to act on a holder of an admin role, it needs a directory role
 * assigned to its service principal, by the same tables ("In app-only scenarios, the User.ReadWrite.All
 * application permission isn't enough privilege to delete users with administrative roles. The app must be
 * assigned a higher privileged administrator role"). On a signed-in admin's behalf, acting on a holder of an admin
 * role also takes the delegated scope Directory.AccessAsUser.All, as Graph's delete and restore pages say.
 *
 * <p>Stricter than Entra ID on one point, by issue 12's rule that a User Administrator never changes a
 * privileged admin: every property of a PATCH, and the manager reference, counts as a sensitive change here,
 * whereas Entra ID lets a User Administrator update non-sensitive properties (displayName, jobTitle...) of
 * any user. {@link #actionsFor(UserChanges)} is where that is decided.
 *
 * <p>A refusal is Graph's 403 {@code Authorization_RequestDenied}, thrown before anything is written.
 */
@ApplicationScoped
public class PrivilegedTargets {

    /** What an admin does to a user, as Graph's two tables tell actions apart. */
    public enum Action {
        /** Change properties, block sign-in, delete, restore, remove for good: "Who can update sensitive attributes?". */
        MANAGE,
        /** Set a new password: "Who can reset passwords?". */
        RESET_PASSWORD
    }

    private static final Set<DirectoryRole> GLOBAL_ONLY = EnumSet.of(GLOBAL_ADMINISTRATOR);

    /** Who may act on a user holding no admin role. */
    private static final Map<Action, Set<DirectoryRole>> ON_NON_ADMINS = Map.of(
            Action.MANAGE, EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR),
            Action.RESET_PASSWORD, EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR, HELPDESK_ADMINISTRATOR));

    /** Who may act on a holder of each role Graph's tables list with more than Global Administrators; others: GLOBAL_ONLY. */
    private static final Map<DirectoryRole, Map<Action, Set<DirectoryRole>>> ON_HOLDERS_OF = Map.of(
            USER_ADMINISTRATOR, Map.of(
                    Action.MANAGE, EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR),
                    Action.RESET_PASSWORD, EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR)),
            HELPDESK_ADMINISTRATOR, Map.of(
                    Action.MANAGE, EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR),
                    Action.RESET_PASSWORD, EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR, HELPDESK_ADMINISTRATOR)));

    private final SecurityIdentity caller;
    private final RoleRecord roles;

    PrivilegedTargets(SecurityIdentity caller, RoleRecord roles) {
        this.caller = caller;
        this.roles = roles;
    }

    /**
     * Refuses changes the caller's roles allow on no user at all (a Helpdesk Administrator changing more than a
     * password), before the body is checked or the user looked up: a refused caller learns nothing from them.
     *
     * @throws GraphException 403 {@code Authorization_RequestDenied}
     */
    public void requireMayUpdateSomeone(UserChanges changes) {
        Grant grant = Grant.of(caller);
        if (!actionsFor(changes).stream().allMatch(action -> allows(grant, List.of(), action))) {
            throw GraphException.forbidden();
        }
    }

    /**
     * Refuses a PATCH of this user unless the caller may take every action it needs on them.
     *
     * @throws GraphException 403 {@code Authorization_RequestDenied}
     */
    public void requireMayUpdate(User target, UserChanges changes) {
        require(target, actionsFor(changes));
    }

    /**
     * Refuses to block, delete, offboard, restore, permanently delete the user or change their manager unless
     * the caller may manage them.
     *
     * @throws GraphException 403 {@code Authorization_RequestDenied}
     */
    public void requireMayManage(User target) {
        require(target, Set.of(Action.MANAGE));
    }

    private void require(User target, Set<Action> actions) {
        Grant grant = Grant.of(caller);
        List<UUID> targetRoles = roles.roleTemplateIdsOf(target);
        if (!actions.stream().allMatch(action -> allows(grant, targetRoles, action))) {
            throw GraphException.forbidden();
        }
    }

    /** A password alone is a reset; any other property (sensitive in Graph's list or not) is managing the user. */
    static Set<Action> actionsFor(UserChanges changes) {
        if (changes.onlyResetsPassword()) {
            return EnumSet.of(Action.RESET_PASSWORD);
        }
        return changes.passwordProfile() != null ? EnumSet.of(Action.MANAGE, Action.RESET_PASSWORD) : EnumSet.of(Action.MANAGE);
    }

    /**
     * Whether the caller of {@code grant} may take {@code action} on a user holding the roles
     * {@code targetRoleTemplateIds} (none: a user without an admin role), for the kind of token it is.
     */
    static boolean allows(Grant grant, Collection<UUID> targetRoleTemplateIds, Action action) {
        if (grant.appOnly() && targetRoleTemplateIds.isEmpty() && action == Action.MANAGE) {
            return true; // the application permission, checked for the operation, is enough on a non-admin
        }
        if (!grant.appOnly() && !targetRoleTemplateIds.isEmpty()
                && !grant.scopes().contains(DIRECTORY_ACCESS_AS_USER_ALL)) {
            return false;
        }
        return allows(grant.directoryRoles(), targetRoleTemplateIds, action);
    }

    /**
     * The rule of roles: whether a caller holding {@code callerRoles} may take {@code action} on a user holding
     * the roles {@code targetRoleTemplateIds} (none: a user without an admin role).
     */
    static boolean allows(Set<DirectoryRole> callerRoles, Collection<UUID> targetRoleTemplateIds, Action action) {
        if (targetRoleTemplateIds.isEmpty()) {
            return intersects(callerRoles, ON_NON_ADMINS.get(action));
        }
        return targetRoleTemplateIds.stream().allMatch(role -> intersects(callerRoles, mayActOnHolderOf(role, action)));
    }

    private static Set<DirectoryRole> mayActOnHolderOf(UUID roleTemplateId, Action action) {
        // a role this directory does not know is treated as the most privileged: a Global Administrator only
        Optional<DirectoryRole> role = DirectoryRole.ofTemplateId(roleTemplateId.toString());
        return role.map(ON_HOLDERS_OF::get).map(byAction -> byAction.get(action)).orElse(GLOBAL_ONLY);
    }

    private static boolean intersects(Set<DirectoryRole> callerRoles, Set<DirectoryRole> allowed) {
        return callerRoles.stream().anyMatch(allowed::contains);
    }
}
