package org.licenselifecycle.directory.roles;

/** Graph's create body of a unifiedRoleAssignment; any field may be missing (null) until checked. */
public record NewRoleAssignment(String principalId, String roleDefinitionId, String directoryScopeId) {
}
