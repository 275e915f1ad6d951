package org.licenselifecycle.contract.roles;

import static org.licenselifecycle.contract.roles.DirectoryRole.BILLING_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS;
import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_READER;
import static org.licenselifecycle.contract.roles.DirectoryRole.GROUPS_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.LICENSE_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.REPORTS_READER;
import static org.licenselifecycle.contract.roles.DirectoryRole.SECURITY_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.SECURITY_READER;
import static org.licenselifecycle.contract.roles.DirectoryRole.USER_ADMINISTRATOR;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The admin roles that go together, stated once: the services' table of who may do what (service-support's
 * {@code Operations}) is built from them, and the console asks them what to offer a signed-in admin.
 */
public final class AdminRoles {

    /** "You must be a Global, License, User admin to unassign licenses": who assigns, unassigns and changes licenses. */
    public static final Set<DirectoryRole> LICENSE_ADMINS = of(GLOBAL_ADMINISTRATOR, LICENSE_ADMINISTRATOR,
            USER_ADMINISTRATOR);

    /** Who reads licenses, users' data and role assignments: the license admins and the Global Reader. */
    public static final Set<DirectoryRole> LICENSE_READERS = of(GLOBAL_ADMINISTRATOR, LICENSE_ADMINISTRATOR,
            USER_ADMINISTRATOR, GLOBAL_READER);

    /** Who creates, deletes and restores users. */
    public static final Set<DirectoryRole> USER_ADMINS = of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR);

    /**
     * Who reads the audit log (Graph's {@code directoryAudits}): the roles Entra ID allows for it, least privileged
     * first Reports Reader, Security Reader, Security Administrator, Global Reader; and the Global Administrator.
     */
    public static final Set<DirectoryRole> AUDIT_LOG_READERS = of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
            SECURITY_ADMINISTRATOR, SECURITY_READER, REPORTS_READER);

    /**
     * Who writes users mastered in on-premises Active Directory through the directory synchronization: Entra ID's
     * "Directory Synchronization Accounts" (the role of Entra Connect's sync account or application). Not the Global
     * Administrator: the sync is the only writer of those users; nor the Hybrid Identity Administrator, who configures
     * the sync (Entra Connect, cloud sync) but writes no object through it.
     */
    public static final Set<DirectoryRole> DIRECTORY_SYNCHRONIZERS = of(DIRECTORY_SYNCHRONIZATION_ACCOUNTS);

    /**
     * Who creates, changes and deletes security groups and their members: the roles Entra ID allows for it (group-post,
     * group-update, group-delete, group-post-members), Groups Administrator and User Administrator; and the Global
     * Administrator.
     */
    public static final Set<DirectoryRole> GROUP_ADMINS = of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR,
            GROUPS_ADMINISTRATOR);

    /**
     * Who gives a group products (Graph's group assignLicense and the group's reprocessLicenseAssignment): the roles
     * Entra ID allows for it, License Administrator, Groups Administrator and User Administrator; and the Global
     * Administrator.
     */
    public static final Set<DirectoryRole> GROUP_LICENSE_ADMINS = of(GLOBAL_ADMINISTRATOR, LICENSE_ADMINISTRATOR,
            GROUPS_ADMINISTRATOR, USER_ADMINISTRATOR);

    /** Only the Global Administrator. */
    public static final Set<DirectoryRole> GLOBAL_ONLY = of(GLOBAL_ADMINISTRATOR);

    /** Billing's business: reduce licenses, recurring billing, cancel, take over a self-service purchase. */
    public static final Set<DirectoryRole> SUBSCRIPTION_MANAGERS = of(GLOBAL_ADMINISTRATOR, BILLING_ADMINISTRATOR);

    private AdminRoles() {
    }

    /** Whether one of {@code held} may unassign licenses. */
    public static boolean unassigns(Set<DirectoryRole> held) {
        return held.stream().anyMatch(LICENSE_ADMINS::contains);
    }

    /** Whether one of {@code held} may read the audit log. */
    public static boolean readsAuditLog(Set<DirectoryRole> held) {
        return held.stream().anyMatch(AUDIT_LOG_READERS::contains);
    }

    /** Whether one of {@code held} may take over a self-service purchase. */
    public static boolean takesOver(Set<DirectoryRole> held) {
        return held.stream().anyMatch(SUBSCRIPTION_MANAGERS::contains);
    }

    private static Set<DirectoryRole> of(DirectoryRole first, DirectoryRole... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
