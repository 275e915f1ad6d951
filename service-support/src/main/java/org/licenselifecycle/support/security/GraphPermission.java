package org.licenselifecycle.support.security;

/**
 * Microsoft Graph permission names, as a delegated token's {@code scp} and an app-only token's {@code roles} carry
 * them (the same name is both a delegated scope and an application permission where Graph has both). The API's
 * application registration exposes them under these names.
 */
public final class GraphPermission {
    public static final String USER_READ = "User.Read";
    public static final String USER_READ_BASIC_ALL = "User.ReadBasic.All";
    public static final String USER_READ_ALL = "User.Read.All";
    public static final String USER_READ_WRITE_ALL = "User.ReadWrite.All";
    public static final String USER_DELETE_RESTORE_ALL = "User.DeleteRestore.All";
    public static final String DIRECTORY_READ_ALL = "Directory.Read.All";
    public static final String DIRECTORY_READ_WRITE_ALL = "Directory.ReadWrite.All";
    /** Delegated only: act in the directory as the signed-in user; Graph requires it to change privileged admins. */
    public static final String DIRECTORY_ACCESS_AS_USER_ALL = "Directory.AccessAsUser.All";
    public static final String GROUP_READ_WRITE_ALL = "Group.ReadWrite.All";
    public static final String LICENSE_ASSIGNMENT_READ_ALL = "LicenseAssignment.Read.All";
    public static final String LICENSE_ASSIGNMENT_READ_WRITE_ALL = "LicenseAssignment.ReadWrite.All";
    public static final String ORGANIZATION_READ_ALL = "Organization.Read.All";
    public static final String ORGANIZATION_READ_WRITE_ALL = "Organization.ReadWrite.All";
    public static final String ROLE_MANAGEMENT_READ_DIRECTORY = "RoleManagement.Read.Directory";
    public static final String ROLE_MANAGEMENT_READ_ALL = "RoleManagement.Read.All";
    public static final String ROLE_MANAGEMENT_READ_WRITE_DIRECTORY = "RoleManagement.ReadWrite.Directory";
    public static final String REPORTS_READ_ALL = "Reports.Read.All";
    public static final String AUDIT_LOG_READ_ALL = "AuditLog.Read.All";
    public static final String MAIL_READ_WRITE = "Mail.ReadWrite";
    public static final String EDISCOVERY_READ_ALL = "eDiscovery.Read.All";
    public static final String EDISCOVERY_READ_WRITE_ALL = "eDiscovery.ReadWrite.All";
    public static final String SHAREPOINT_TENANT_SETTINGS_READ_ALL = "SharePointTenantSettings.Read.All";
    public static final String SHAREPOINT_TENANT_SETTINGS_READ_WRITE_ALL = "SharePointTenantSettings.ReadWrite.All";

    private GraphPermission() {
    }
}
