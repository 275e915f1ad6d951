package org.licenselifecycle.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.support.security.GrantTest.appOnly;
import static org.licenselifecycle.support.security.GrantTest.delegated;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The rule of {@link Operations}: app-only by application permission alone, delegated by scope AND role, both as
 * Graph's permission reference gives them (the permission names below are written out from it, not taken from the
 * table under test). The per-endpoint matrices over HTTP are in each service's tests.
 */
class OperationsTest {

    @Test
    void everyOperationNameResourcesUseHasARule() throws IllegalAccessException {
        Set<String> declared = new java.util.HashSet<>();
        for (Field field : Operations.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                declared.add((String) field.get(null));
            }
        }
        assertThat(Operations.names()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void assignLicenseTakesLicenseAssignmentReadWriteAllOrHigherAndALicenseRoleWhenDelegated() {
        String op = Operations.ASSIGN_LICENSES;

        assertThat(Operations.allows(op, appOnly(Set.of("LicenseAssignment.ReadWrite.All")))).isTrue();
        assertThat(Operations.allows(op, appOnly(Set.of("User.ReadWrite.All")))).isTrue();
        assertThat(Operations.allows(op, appOnly(Set.of("Directory.ReadWrite.All")))).isTrue();
        assertThat(Operations.allows(op, appOnly(Set.of("LicenseAssignment.Read.All", "User.Read.All",
                "Organization.Read.All")))).isFalse();
        // an application's directory role grants no operation: its permissions do
        assertThat(Operations.allows(op, appOnly(Set.of(), DirectoryRole.GLOBAL_ADMINISTRATOR))).isFalse();
        // the Hybrid Identity Administrator configures the sync; it writes no object through it
        assertThat(Operations.allows(op, appOnly(Set.of(), DirectoryRole.HYBRID_IDENTITY_ADMINISTRATOR))).isFalse();
        assertThat(Operations.allows(op, delegated(Set.of("Directory.ReadWrite.All"),
                DirectoryRole.HYBRID_IDENTITY_ADMINISTRATOR))).isFalse();

        assertThat(Operations.allows(op, delegated(Set.of("LicenseAssignment.ReadWrite.All"),
                DirectoryRole.LICENSE_ADMINISTRATOR))).isTrue();
        assertThat(Operations.allows(op, delegated(Set.of("LicenseAssignment.Read.All"),
                DirectoryRole.LICENSE_ADMINISTRATOR))).as("scope too weak").isFalse();
        assertThat(Operations.allows(op, delegated(Set.of("LicenseAssignment.ReadWrite.All"),
                DirectoryRole.GLOBAL_READER))).as("role too weak").isFalse();
        assertThat(Operations.allows(op, delegated(Set.of("LicenseAssignment.ReadWrite.All")))).as("no role").isFalse();
        // application permissions in a delegated token count for nothing
        assertThat(Operations.allows(op, new Grant(false, Set.of(), Set.of("LicenseAssignment.ReadWrite.All"),
                Set.of(DirectoryRole.LICENSE_ADMINISTRATOR), java.util.Optional.empty()))).isFalse();
    }

    @Test
    void readingUsersIsOpenToAnyMemberWithAReadScope() {
        String op = Operations.READ_USERS;

        assertThat(Operations.allows(op, delegated(Set.of("User.ReadBasic.All")))).isTrue();
        assertThat(Operations.allows(op, delegated(Set.of("User.Read")))).as("User.Read is the user's own profile")
                .isFalse();
        assertThat(Operations.allows(op, appOnly(Set.of("User.Read.All")))).isTrue();
        // User.ReadBasic.All is delegated only in Graph
        assertThat(Operations.allows(op, appOnly(Set.of("User.ReadBasic.All")))).isFalse();
    }

    @Test
    void subscribedSkusTakeOrganizationReadAllAsGraphSays() {
        String op = Operations.READ_SUBSCRIBED_SKUS;

        assertThat(Operations.allows(op, appOnly(Set.of("Organization.Read.All")))).isTrue();
        assertThat(Operations.allows(op, appOnly(Set.of("Directory.Read.All")))).isTrue();
        assertThat(Operations.allows(op, appOnly(Set.of("User.Read.All")))).isFalse();
        assertThat(Operations.allows(op, delegated(Set.of("Organization.Read.All"), DirectoryRole.GLOBAL_READER)))
                .isTrue();
        assertThat(Operations.allows(op, delegated(Set.of("Organization.Read.All"), DirectoryRole.HELPDESK_ADMINISTRATOR)))
                .isFalse();
    }

    @Test
    void restoringAndPurgingDeletedUsersTakeUserDeleteRestoreAll() {
        for (String op : new String[] {Operations.RESTORE_DELETED_USERS, Operations.PURGE_DELETED_USERS,
                Operations.DELETE_USERS}) {
            assertThat(Operations.allows(op, appOnly(Set.of("User.DeleteRestore.All")))).as(op).isTrue();
            assertThat(Operations.allows(op, appOnly(Set.of("Directory.ReadWrite.All")))).as(op).isFalse();
            assertThat(Operations.allows(op, delegated(Set.of("User.DeleteRestore.All"),
                    DirectoryRole.USER_ADMINISTRATOR))).as(op).isTrue();
            assertThat(Operations.allows(op, delegated(Set.of("User.DeleteRestore.All"),
                    DirectoryRole.LICENSE_ADMINISTRATOR))).as(op).isFalse();
        }
    }

    @Test
    void readingTheAuditLogTakesAuditLogReadAllAndWhenDelegatedARoleEntraLetsReadIt() {
        String op = Operations.READ_AUDIT_LOGS;

        assertThat(Operations.allows(op, appOnly(Set.of("AuditLog.Read.All")))).isTrue();
        assertThat(Operations.allows(op, appOnly(Set.of("Directory.ReadWrite.All", "User.ReadWrite.All",
                "LicenseAssignment.ReadWrite.All")))).isFalse();
        for (DirectoryRole reader : new DirectoryRole[] {DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.GLOBAL_READER,
                DirectoryRole.SECURITY_ADMINISTRATOR, DirectoryRole.SECURITY_READER, DirectoryRole.REPORTS_READER}) {
            assertThat(Operations.allows(op, delegated(Set.of("AuditLog.Read.All"), reader))).as(reader.name()).isTrue();
            assertThat(Operations.allows(op, delegated(Set.of("Directory.ReadWrite.All"), reader))).as(reader.name())
                    .isFalse();
        }
        for (DirectoryRole other : new DirectoryRole[] {DirectoryRole.LICENSE_ADMINISTRATOR,
                DirectoryRole.USER_ADMINISTRATOR, DirectoryRole.BILLING_ADMINISTRATOR,
                DirectoryRole.HELPDESK_ADMINISTRATOR}) {
            assertThat(Operations.allows(op, delegated(Set.of("AuditLog.Read.All"), other))).as(other.name()).isFalse();
        }
    }

    @Test
    void onlyTheSyncAgentWritesTheDirectoryFromOnPremises() {
        String op = Operations.SYNCHRONIZE_DIRECTORY;
        // Entra Connect: an application with Directory.ReadWrite.All, or one holding Directory Synchronization Accounts
        assertThat(Operations.allows(op, appOnly(Set.of("Directory.ReadWrite.All")))).isTrue();
        assertThat(Operations.allows(op, appOnly(Set.of(), DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS))).isTrue();
        assertThat(Operations.allows(op, delegated(Set.of("Directory.ReadWrite.All"),
                DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS))).isTrue();
        // everyone else: User.ReadWrite.All is no directory write, and no cloud admin role writes synced users
        assertThat(Operations.allows(op, appOnly(Set.of("User.ReadWrite.All")))).isFalse();
        assertThat(Operations.allows(op, appOnly(Set.of(), DirectoryRole.GLOBAL_ADMINISTRATOR))).isFalse();
        assertThat(Operations.allows(op, delegated(Set.of("Directory.ReadWrite.All"), DirectoryRole.GLOBAL_ADMINISTRATOR,
                DirectoryRole.USER_ADMINISTRATOR))).isFalse();
        assertThat(Operations.allows(op, delegated(Set.of("User.Read"),
                DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS))).isFalse();
    }

    @Test
    void theAdminApiServesSignedInAdminsOnly() {
        Set<String> adminApi = Set.of(Operations.READ_LICENSES, Operations.CHANGE_LICENSES, Operations.READ_SUBSCRIPTIONS,
                Operations.BUY_SUBSCRIPTIONS, Operations.MANAGE_SUBSCRIPTIONS, Operations.OFFBOARD_USERS,
                Operations.MANAGE_HOLDS, Operations.MANAGE_SET_ASIDE_EVENTS);
        Grant everything = appOnly(Set.of("Directory.ReadWrite.All", "User.ReadWrite.All",
                "LicenseAssignment.ReadWrite.All", "Organization.ReadWrite.All", "eDiscovery.ReadWrite.All"),
                DirectoryRole.values());

        assertThat(adminApi).noneMatch(op -> Operations.allows(op, everything));
    }

    @Test
    void anUnknownOperationAllowsNoOne() {
        assertThat(Operations.allows("no.such.operation", delegated(Set.of("Directory.ReadWrite.All"),
                DirectoryRole.values()))).isFalse();
    }
}
