package org.licenselifecycle.console.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.licenselifecycle.contract.roles.AdminRoles;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The admin signed in for this request: their access token (forwarded to the services), object id, name
 * and roles. Templates read it as {@code inject:admin}.
 */
@RequestScoped
@Named("admin")
public class SignedInAdmin {

    private String token;
    private String objectId;
    private String tenantId;
    private String name;
    private Set<DirectoryRole> roles = EnumSet.noneOf(DirectoryRole.class);

    void signIn(String token, TokenClaims claims) {
        this.token = token;
        this.objectId = claims.objectId();
        this.tenantId = claims.tenantId();
        this.name = claims.name();
        this.roles = claims.roles();
    }

    public boolean isSignedIn() {
        return token != null;
    }

    /** The value of the Authorization header the services expect. */
    public String bearer() {
        return "Bearer " + token;
    }

    public String objectId() {
        return objectId;
    }

    /** The admin's tenant (the token's tid). */
    public String tenantId() {
        return tenantId;
    }

    /** Whether the page offers removing a former employee: Global and User Administrators ({@link AdminRoles#USER_ADMINS}). */
    public boolean canRemoveFormerEmployees() {
        return roles.stream().anyMatch(AdminRoles.USER_ADMINS::contains);
    }

    public String name() {
        return name != null ? name : objectId;
    }

    public String roleNames() {
        return roles.isEmpty() ? "no admin role"
                : roles.stream().map(DirectoryRole::displayName).collect(Collectors.joining(", "));
    }

    /** Whether the page offers unassigning: the services' rule, shared ({@link AdminRoles#LICENSE_ADMINS}). */
    public boolean canUnassign() {
        return AdminRoles.unassigns(roles);
    }

    /** Whether the console offers the Audit log ({@link AdminRoles#AUDIT_LOG_READERS}). */
    public boolean canReadAuditLog() {
        return AdminRoles.readsAuditLog(roles);
    }

    /** Whether the page offers taking over a self-service purchase ({@link AdminRoles#SUBSCRIPTION_MANAGERS}). */
    public boolean canTakeOver() {
        return AdminRoles.takesOver(roles);
    }

    /**
     * Whether a subscription's page offers removing licenses, recurring billing and cancel: billing's business, the
     * same admins as take over ({@link AdminRoles#SUBSCRIPTION_MANAGERS}).
     */
    public boolean canManageSubscriptions() {
        return AdminRoles.takesOver(roles);
    }
}
