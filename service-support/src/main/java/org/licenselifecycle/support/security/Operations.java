package org.licenselifecycle.support.security;

import static org.licenselifecycle.contract.roles.DirectoryRole.BILLING_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_READER;
import static org.licenselifecycle.contract.roles.DirectoryRole.HELPDESK_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.USER_ADMINISTRATOR;
import static org.licenselifecycle.support.security.GraphPermission.AUDIT_LOG_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.DIRECTORY_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.DIRECTORY_READ_WRITE_ALL;
import static org.licenselifecycle.support.security.GraphPermission.EDISCOVERY_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.EDISCOVERY_READ_WRITE_ALL;
import static org.licenselifecycle.support.security.GraphPermission.GROUP_CREATE;
import static org.licenselifecycle.support.security.GraphPermission.GROUP_MEMBER_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.GROUP_MEMBER_READ_WRITE_ALL;
import static org.licenselifecycle.support.security.GraphPermission.GROUP_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.GROUP_READ_WRITE_ALL;
import static org.licenselifecycle.support.security.GraphPermission.LICENSE_ASSIGNMENT_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.LICENSE_ASSIGNMENT_READ_WRITE_ALL;
import static org.licenselifecycle.support.security.GraphPermission.MAIL_READ_WRITE;
import static org.licenselifecycle.support.security.GraphPermission.ORGANIZATION_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.ORGANIZATION_READ_WRITE_ALL;
import static org.licenselifecycle.support.security.GraphPermission.REPORTS_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.ROLE_MANAGEMENT_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.ROLE_MANAGEMENT_READ_DIRECTORY;
import static org.licenselifecycle.support.security.GraphPermission.ROLE_MANAGEMENT_READ_WRITE_DIRECTORY;
import static org.licenselifecycle.support.security.GraphPermission.SHAREPOINT_TENANT_SETTINGS_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.SHAREPOINT_TENANT_SETTINGS_READ_WRITE_ALL;
import static org.licenselifecycle.support.security.GraphPermission.USER_DELETE_RESTORE_ALL;
import static org.licenselifecycle.support.security.GraphPermission.USER_READ;
import static org.licenselifecycle.support.security.GraphPermission.USER_READ_ALL;
import static org.licenselifecycle.support.security.GraphPermission.USER_READ_BASIC_ALL;
import static org.licenselifecycle.support.security.GraphPermission.USER_READ_WRITE_ALL;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.licenselifecycle.contract.roles.AdminRoles;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * Who may do what: every operation the services serve, by the name resources give {@code @PermissionsAllowed},
 * with the delegated scopes, the application permissions and the admin roles that allow it. The one table of
 * the rule; {@link EntraTokenAugmentor} checks it for each request.
 *
 * <p>A call is allowed, as Microsoft Graph allows it:
 * <ul>
 * <li>app-only (the application calls as itself): when the token's {@code roles} hold one of the operation's
 * application permissions. No admin role is needed; an operation with none is not open to applications. Which
 * users an application may change is further {@code PrivilegedTargets}' rule (directory-service);</li>
 * <li>app-only, for the few operations that name directory roles for applications (the directory synchronization):
 * also when the application's service principal holds one of them ({@code wids}), as Entra Connect's application
 * holds "Directory Synchronization Accounts";</li>
 * <li>delegated (an application calls for a signed-in user): when the token's {@code scp} holds one of the
 * operation's scopes AND the user holds one of its admin roles ({@code wids}), or the operation is open to any
 * member of the tenant.</li>
 * </ul>
 * The permissions of Graph's operations are those of Graph's permission reference (each API page's table, least
 * privileged first); the admin API's ({@code /api/v1}, the console's) take the permissions of the nearest Graph
 * operation, and are delegated only: they act for a signed-in admin. The admin roles are this system's rule
 * ({@code DESIGN.md} "Who may do what").
 */
public final class Operations {

    // --- Microsoft Graph v1.0, directory-service
    /** {@code GET /users}, {@code /users/{id}}, {@code /users/{id}/manager}: members read the directory. */
    public static final String READ_USERS = "users.read";
    /** {@code POST /users}. */
    public static final String CREATE_USERS = "users.create";
    /** {@code PATCH /users/{id}}; a Helpdesk Administrator only resets passwords ({@code PrivilegedTargets}). */
    public static final String UPDATE_USERS = "users.update";
    /** {@code DELETE /users/{id}}. */
    public static final String DELETE_USERS = "users.delete";
    /** {@code PUT|DELETE /users/{id}/manager/$ref}. */
    public static final String CHANGE_MANAGER = "users.manager.change";
    /** {@code GET /directory/deletedItems/microsoft.graph.user}, {@code /directory/deletedItems/{id}}. */
    public static final String READ_DELETED_USERS = "deletedItems.read";
    /** {@code POST /directory/deletedItems/{id}/restore}. */
    public static final String RESTORE_DELETED_USERS = "deletedItems.restore";
    /** {@code DELETE /directory/deletedItems/{id}}. */
    public static final String PURGE_DELETED_USERS = "deletedItems.delete";
    /** {@code GET /roleManagement/directory/roleAssignments}. */
    public static final String READ_ROLE_ASSIGNMENTS = "roleAssignments.read";
    /** {@code POST /roleManagement/directory/roleAssignments}, {@code DELETE .../{id}}. */
    public static final String CHANGE_ROLE_ASSIGNMENTS = "roleAssignments.change";
    /**
     * {@code POST /api/v1/directorySync/batches}: the sync agent writes the users mastered in on-premises Active
     * Directory (Entra Connect's export; Graph has no public operation for it).
     */
    public static final String SYNCHRONIZE_DIRECTORY = "directorySync.write";
    /** {@code GET /groups}, {@code /groups/{id}}, {@code /groups/{id}/members}: members read the directory. */
    public static final String READ_GROUPS = "groups.read";
    /** {@code GET /users/{id}/memberOf}. */
    public static final String READ_MEMBER_OF = "users.memberOf.read";
    /** {@code POST /groups}. */
    public static final String CREATE_GROUPS = "groups.create";
    /** {@code PATCH /groups/{id}}, {@code DELETE /groups/{id}}. */
    public static final String CHANGE_GROUPS = "groups.change";
    /** {@code POST /groups/{id}/members/$ref}, {@code DELETE /groups/{id}/members/{userId}/$ref}. */
    public static final String CHANGE_GROUP_MEMBERS = "groups.members.change";
    /** {@code GET /auditLogs/directoryAudits}, {@code /auditLogs/directoryAudits/{id}}. */
    public static final String READ_AUDIT_LOGS = "auditLogs.directoryAudits.read";

    // --- Microsoft Graph v1.0, licensing-service
    /** {@code POST /users/{id}/assignLicense}. */
    public static final String ASSIGN_LICENSES = "users.assignLicense";
    /** {@code POST /groups/{id}/assignLicense}, {@code POST /groups/{id}/reprocessLicenseAssignment}. */
    public static final String ASSIGN_GROUP_LICENSES = "groups.assignLicense";
    /** {@code POST /users/{id}/reprocessLicenseAssignment}. */
    public static final String REPROCESS_USER_LICENSES = "users.reprocessLicenseAssignment";
    /** {@code GET /users/{id}/licenseDetails}. */
    public static final String READ_LICENSE_DETAILS = "users.licenseDetails.read";
    /** {@code GET /subscribedSkus}. */
    public static final String READ_SUBSCRIBED_SKUS = "subscribedSkus.read";
    /** {@code GET /directory/subscriptions}. */
    public static final String READ_DIRECTORY_SUBSCRIPTIONS = "directory.subscriptions.read";

    // --- Admin API (/api/v1), licensing-service
    /** The Licenses page, a product's holders, a user's licenses on Active users. */
    public static final String READ_LICENSES = "licenses.read";
    /** Unassign or change licenses: Licenses page, Active users, Your products, group licensing. */
    public static final String CHANGE_LICENSES = "licenses.change";
    /** Your products: one row per subscription. */
    public static final String READ_SUBSCRIPTIONS = "subscriptions.read";
    /** Buy: for the tenant (Global or Billing Administrator) or self-service for oneself ({@code Buyer}). */
    public static final String BUY_SUBSCRIPTIONS = "subscriptions.buy";
    /** Reduce licenses, recurring billing, cancel, take over a self-service purchase. */
    public static final String MANAGE_SUBSCRIPTIONS = "subscriptions.manage";
    /** The unused-licenses report. */
    public static final String READ_LICENSE_REPORTS = "reports.unusedLicenses.read";
    /** The Office apps' activation check: a user about themselves, readers of licenses about anyone. */
    public static final String CHECK_OFFICE_ACTIVATION = "officeActivation.check";

    // --- Admin API (/api/v1), directory-service
    /** Register the caller's own tenant (self-service sign-up). */
    public static final String REGISTER_TENANT = "tenants.register";
    /** Read one's own tenant. */
    public static final String READ_TENANT = "tenants.read";
    /** Remove a former employee. */
    public static final String OFFBOARD_USERS = "users.offboard";

    // --- Admin API (/api/v1), data-lifecycle-service
    /** A user's mailbox, OneDrive and timeline. */
    public static final String READ_USER_DATA = "userData.read";
    /** Put an item into a mailbox (standing in for mail delivery). */
    public static final String DELIVER_MAIL = "mailbox.items.deliver";
    /** Place and release holds. */
    public static final String MANAGE_HOLDS = "mailbox.holds.manage";
    /** eDiscovery Content Search. */
    public static final String SEARCH_CONTENT = "ediscovery.search";
    /** What the purge job did. */
    public static final String READ_PURGE_RUNS = "purgeRuns.read";
    /** The tenant's OneDrive retention and secondary owner. */
    public static final String READ_ONEDRIVE_SETTINGS = "onedriveSettings.read";
    /** Change them. */
    public static final String CHANGE_ONEDRIVE_SETTINGS = "onedriveSettings.change";

    // --- Admin API of every service
    /** The outbox events the broker refused for good: list, retry, discard. */
    public static final String MANAGE_SET_ASIDE_EVENTS = "outbox.setAside.manage";

    /**
     * What allows one operation.
     *
     * @param scopes delegated scopes, one of which the token's {@code scp} must hold
     * @param applicationPermissions application permissions, one of which an app-only token's {@code roles} must
     *        hold; none: delegated only
     * @param roles admin roles, one of which the signed-in user must hold; {@code null}: any member of the tenant
     * @param applicationRoles directory roles that allow an app-only call when the application's service principal
     *        holds one, without an application permission; empty for most operations
     */
    public record Rule(Set<String> scopes, Set<String> applicationPermissions, Set<DirectoryRole> roles,
            Set<DirectoryRole> applicationRoles) {

        /** A rule that no directory role opens to applications. */
        public Rule(Set<String> scopes, Set<String> applicationPermissions, Set<DirectoryRole> roles) {
            this(scopes, applicationPermissions, roles, Set.of());
        }

        /** Whether {@code grant} allows the operation. */
        public boolean allows(Grant grant) {
            if (grant.appOnly()) {
                return grant.applicationPermissions().stream().anyMatch(applicationPermissions::contains)
                        || grant.holdsAnyOf(applicationRoles);
            }
            return grant.scopes().stream().anyMatch(scopes::contains) && (roles == null || grant.holdsAnyOf(roles));
        }
    }

    private static final Set<DirectoryRole> ANY_MEMBER = null;
    // the role sets the console shares (AdminRoles): who may unassign or take over is stated there, once
    private static final Set<DirectoryRole> LICENSE_ADMINS = AdminRoles.LICENSE_ADMINS;
    private static final Set<DirectoryRole> LICENSE_READERS = AdminRoles.LICENSE_READERS;
    private static final Set<DirectoryRole> USER_ADMINS = AdminRoles.USER_ADMINS;
    private static final Set<DirectoryRole> GLOBAL_ONLY = AdminRoles.GLOBAL_ONLY;
    private static final Set<DirectoryRole> GROUP_ADMINS = AdminRoles.GROUP_ADMINS;
    private static final Set<DirectoryRole> GROUP_LICENSE_ADMINS = AdminRoles.GROUP_LICENSE_ADMINS;

    /** Graph's permissions for reading users, least privileged first (user-list, user-get). */
    private static final Set<String> USER_READERS_APP = Set.of(USER_READ_ALL, USER_READ_WRITE_ALL, DIRECTORY_READ_ALL,
            DIRECTORY_READ_WRITE_ALL);
    private static final Set<String> USER_WRITERS = Set.of(USER_READ_WRITE_ALL, DIRECTORY_READ_WRITE_ALL);
    private static final Set<String> USER_DELETERS = Set.of(USER_DELETE_RESTORE_ALL, USER_READ_WRITE_ALL);
    private static final Set<String> LICENSE_WRITERS = Set.of(LICENSE_ASSIGNMENT_READ_WRITE_ALL, USER_READ_WRITE_ALL,
            DIRECTORY_READ_WRITE_ALL);
    private static final Set<String> GROUP_LICENSE_WRITERS = Set.of(LICENSE_ASSIGNMENT_READ_WRITE_ALL,
            DIRECTORY_READ_WRITE_ALL, GROUP_READ_WRITE_ALL);
    private static final Set<String> LICENSE_READERS_SCOPES = Set.of(LICENSE_ASSIGNMENT_READ_ALL,
            LICENSE_ASSIGNMENT_READ_WRITE_ALL, USER_READ_ALL, USER_READ_WRITE_ALL, DIRECTORY_READ_ALL,
            DIRECTORY_READ_WRITE_ALL);
    private static final Set<String> ORGANIZATION_READERS = Set.of(ORGANIZATION_READ_ALL, ORGANIZATION_READ_WRITE_ALL,
            DIRECTORY_READ_ALL, DIRECTORY_READ_WRITE_ALL);
    private static final Set<String> ORGANIZATION_WRITERS = Set.of(ORGANIZATION_READ_WRITE_ALL, DIRECTORY_READ_WRITE_ALL);
    private static final Set<String> DELEGATED_ONLY = Set.of();
    /** Graph's permissions for reading groups and their members, least privileged first (group-list, group-get). */
    private static final Set<String> GROUP_READERS = Set.of(GROUP_MEMBER_READ_ALL, GROUP_READ_ALL,
            GROUP_MEMBER_READ_WRITE_ALL, GROUP_READ_WRITE_ALL, DIRECTORY_READ_ALL, DIRECTORY_READ_WRITE_ALL);
    private static final Set<String> GROUP_WRITERS = Set.of(GROUP_READ_WRITE_ALL, DIRECTORY_READ_WRITE_ALL);
    private static final Set<String> GROUP_MEMBER_WRITERS = Set.of(GROUP_MEMBER_READ_WRITE_ALL, GROUP_READ_WRITE_ALL,
            DIRECTORY_READ_WRITE_ALL);
    /** user-list-memberof, another user's memberships: User.Read.All least, the group readers besides. */
    private static final Set<String> MEMBER_OF_READERS = Set.of(USER_READ_ALL, USER_READ_WRITE_ALL, GROUP_MEMBER_READ_ALL,
            GROUP_READ_ALL, DIRECTORY_READ_ALL, DIRECTORY_READ_WRITE_ALL);

    private static final Map<String, Rule> RULES = Map.ofEntries(
            // user-list, user-get, user-list-manager: members read the directory (User.ReadBasic.All delegated only)
            Map.entry(READ_USERS, new Rule(union(USER_READERS_APP, Set.of(USER_READ_BASIC_ALL)), USER_READERS_APP,
                    ANY_MEMBER)),
            // user-post-users
            Map.entry(CREATE_USERS, new Rule(USER_WRITERS, USER_WRITERS, USER_ADMINS)),
            // user-update
            Map.entry(UPDATE_USERS, new Rule(USER_WRITERS, USER_WRITERS,
                    EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR, HELPDESK_ADMINISTRATOR))),
            // user-delete (User.DeleteRestore.All: "delete and restore all users")
            Map.entry(DELETE_USERS, new Rule(USER_DELETERS, USER_DELETERS, USER_ADMINS)),
            // user-post-manager, user-delete-manager
            Map.entry(CHANGE_MANAGER, new Rule(USER_WRITERS, USER_WRITERS, USER_ADMINS)),
            // directory-deleteditems-list/get, user rows
            Map.entry(READ_DELETED_USERS, new Rule(USER_READERS_APP, USER_READERS_APP, LICENSE_READERS)),
            // directory-deleteditems-restore, user row
            Map.entry(RESTORE_DELETED_USERS, new Rule(USER_DELETERS, USER_DELETERS, USER_ADMINS)),
            // directory-deleteditems-delete, user row
            Map.entry(PURGE_DELETED_USERS, new Rule(USER_DELETERS, USER_DELETERS, USER_ADMINS)),
            // rbacapplication-list-roleassignments
            Map.entry(READ_ROLE_ASSIGNMENTS, new Rule(Set.of(ROLE_MANAGEMENT_READ_DIRECTORY, ROLE_MANAGEMENT_READ_ALL,
                    ROLE_MANAGEMENT_READ_WRITE_DIRECTORY, DIRECTORY_READ_ALL, DIRECTORY_READ_WRITE_ALL),
                    Set.of(ROLE_MANAGEMENT_READ_DIRECTORY, ROLE_MANAGEMENT_READ_WRITE_DIRECTORY, DIRECTORY_READ_ALL,
                            DIRECTORY_READ_WRITE_ALL), LICENSE_READERS)),
            // rbacapplication-post-roleassignments, unifiedroleassignment-delete
            Map.entry(CHANGE_ROLE_ASSIGNMENTS, new Rule(Set.of(ROLE_MANAGEMENT_READ_WRITE_DIRECTORY),
                    Set.of(ROLE_MANAGEMENT_READ_WRITE_DIRECTORY), GLOBAL_ONLY)),
            // Entra Connect writes with Directory.ReadWrite.All or as a holder of Directory Synchronization Accounts;
            // a signed-in user needs one of the sync roles too (a Global Administrator does not write synced users)
            Map.entry(SYNCHRONIZE_DIRECTORY, new Rule(Set.of(DIRECTORY_READ_WRITE_ALL), Set.of(DIRECTORY_READ_WRITE_ALL),
                    AdminRoles.DIRECTORY_SYNCHRONIZERS, AdminRoles.DIRECTORY_SYNCHRONIZERS)),
            // group-list, group-get, group-list-members: members of the tenant read its groups
            Map.entry(READ_GROUPS, new Rule(GROUP_READERS, GROUP_READERS, ANY_MEMBER)),
            // user-list-memberof
            Map.entry(READ_MEMBER_OF, new Rule(MEMBER_OF_READERS, MEMBER_OF_READERS, ANY_MEMBER)),
            // group-post-groups (Group.Create: application only)
            Map.entry(CREATE_GROUPS, new Rule(GROUP_WRITERS, union(GROUP_WRITERS, Set.of(GROUP_CREATE)), GROUP_ADMINS)),
            // group-update, group-delete
            Map.entry(CHANGE_GROUPS, new Rule(GROUP_WRITERS, GROUP_WRITERS, GROUP_ADMINS)),
            // group-post-members, group-delete-members
            Map.entry(CHANGE_GROUP_MEMBERS, new Rule(GROUP_MEMBER_WRITERS, GROUP_MEMBER_WRITERS, GROUP_ADMINS)),
            // directoryaudit-list, directoryaudit-get: AuditLog.Read.All (v1.0 names Directory.Read.All beside it; beta
            // as the higher privileged alternative: here AuditLog.Read.All alone, the one both name)
            Map.entry(READ_AUDIT_LOGS, new Rule(Set.of(AUDIT_LOG_READ_ALL), Set.of(AUDIT_LOG_READ_ALL),
                    AdminRoles.AUDIT_LOG_READERS)),
            // user-assignlicense
            Map.entry(ASSIGN_LICENSES, new Rule(LICENSE_WRITERS, LICENSE_WRITERS, LICENSE_ADMINS)),
            // group-assignlicense: LicenseAssignment.ReadWrite.All, then Directory.ReadWrite.All, Group.ReadWrite.All
            // (delegated and application); roles License, Groups, User Administrator; group reprocessing is the same
            // right over the group's members
            Map.entry(ASSIGN_GROUP_LICENSES, new Rule(GROUP_LICENSE_WRITERS, GROUP_LICENSE_WRITERS,
                    GROUP_LICENSE_ADMINS)),
            // user-reprocesslicenseassignment: User.ReadWrite.All, then Directory.ReadWrite.All
            Map.entry(REPROCESS_USER_LICENSES, new Rule(USER_WRITERS, USER_WRITERS, LICENSE_ADMINS)),
            // user-list-licensedetails
            Map.entry(READ_LICENSE_DETAILS, new Rule(LICENSE_READERS_SCOPES, LICENSE_READERS_SCOPES, LICENSE_READERS)),
            // subscribedsku-list, subscribedsku-get
            Map.entry(READ_SUBSCRIBED_SKUS, new Rule(ORGANIZATION_READERS, ORGANIZATION_READERS, LICENSE_READERS)),
            // directory-list-subscriptions (its delegated row names the read permissions; their ReadWrite forms include them)
            Map.entry(READ_DIRECTORY_SUBSCRIPTIONS, new Rule(ORGANIZATION_READERS,
                    Set.of(ORGANIZATION_READ_ALL, DIRECTORY_READ_ALL, ORGANIZATION_READ_WRITE_ALL),
                    union(LICENSE_READERS, EnumSet.of(BILLING_ADMINISTRATOR)))),

            Map.entry(READ_LICENSES, new Rule(LICENSE_READERS_SCOPES, DELEGATED_ONLY, LICENSE_READERS)),
            Map.entry(CHANGE_LICENSES, new Rule(LICENSE_WRITERS, DELEGATED_ONLY, LICENSE_ADMINS)),
            Map.entry(READ_SUBSCRIPTIONS, new Rule(ORGANIZATION_READERS, DELEGATED_ONLY,
                    union(LICENSE_READERS, EnumSet.of(BILLING_ADMINISTRATOR)))),
            Map.entry(BUY_SUBSCRIPTIONS, new Rule(ORGANIZATION_WRITERS, DELEGATED_ONLY, ANY_MEMBER)),
            Map.entry(MANAGE_SUBSCRIPTIONS, new Rule(ORGANIZATION_WRITERS, DELEGATED_ONLY,
                    AdminRoles.SUBSCRIPTION_MANAGERS)),
            Map.entry(READ_LICENSE_REPORTS, new Rule(union(ORGANIZATION_READERS, Set.of(REPORTS_READ_ALL)),
                    DELEGATED_ONLY, union(LICENSE_READERS, EnumSet.of(BILLING_ADMINISTRATOR)))),
            // the apps ask with the user's own token (User.Read); readers of licenses ask about anyone
            Map.entry(CHECK_OFFICE_ACTIVATION, new Rule(union(LICENSE_READERS_SCOPES, Set.of(USER_READ)),
                    DELEGATED_ONLY, ANY_MEMBER)),

            Map.entry(REGISTER_TENANT, new Rule(ORGANIZATION_WRITERS, DELEGATED_ONLY, GLOBAL_ONLY)),
            // organization-get: User.Read suffices
            Map.entry(READ_TENANT, new Rule(union(ORGANIZATION_READERS, Set.of(USER_READ)), DELEGATED_ONLY,
                    ANY_MEMBER)),
            Map.entry(OFFBOARD_USERS, new Rule(USER_WRITERS, DELEGATED_ONLY, USER_ADMINS)),

            Map.entry(READ_USER_DATA, new Rule(USER_READERS_APP, DELEGATED_ONLY, LICENSE_READERS)),
            Map.entry(DELIVER_MAIL, new Rule(Set.of(MAIL_READ_WRITE), DELEGATED_ONLY, USER_ADMINS)),
            Map.entry(MANAGE_HOLDS, new Rule(Set.of(EDISCOVERY_READ_WRITE_ALL), DELEGATED_ONLY, GLOBAL_ONLY)),
            Map.entry(SEARCH_CONTENT, new Rule(Set.of(EDISCOVERY_READ_ALL, EDISCOVERY_READ_WRITE_ALL), DELEGATED_ONLY,
                    GLOBAL_ONLY)),
            Map.entry(READ_PURGE_RUNS, new Rule(Set.of(AUDIT_LOG_READ_ALL, DIRECTORY_READ_ALL, DIRECTORY_READ_WRITE_ALL),
                    DELEGATED_ONLY, EnumSet.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER))),
            Map.entry(READ_ONEDRIVE_SETTINGS, new Rule(Set.of(SHAREPOINT_TENANT_SETTINGS_READ_ALL,
                    SHAREPOINT_TENANT_SETTINGS_READ_WRITE_ALL), DELEGATED_ONLY,
                    EnumSet.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER))),
            Map.entry(CHANGE_ONEDRIVE_SETTINGS, new Rule(Set.of(SHAREPOINT_TENANT_SETTINGS_READ_WRITE_ALL),
                    DELEGATED_ONLY, GLOBAL_ONLY)),

            Map.entry(MANAGE_SET_ASIDE_EVENTS, new Rule(Set.of(DIRECTORY_READ_WRITE_ALL), DELEGATED_ONLY, GLOBAL_ONLY)));

    private Operations() {
    }

    /** The rule of an operation; an unknown name allows no one. */
    public static Rule rule(String operation) {
        Rule rule = RULES.get(operation);
        return rule != null ? rule : new Rule(Set.of(), Set.of(), Set.of());
    }

    /** Whether {@code grant} allows {@code operation}. */
    public static boolean allows(String operation, Grant grant) {
        return rule(operation).allows(grant);
    }

    /** Every operation's name. */
    public static Set<String> names() {
        return RULES.keySet();
    }

    @SafeVarargs
    private static <T> Set<T> union(Set<T>... sets) {
        java.util.HashSet<T> all = new java.util.HashSet<>();
        for (Set<T> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
