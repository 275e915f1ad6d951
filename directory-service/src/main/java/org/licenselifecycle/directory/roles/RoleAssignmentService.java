package org.licenselifecycle.directory.roles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.directory.users.UserService;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The directory's record of admin roles: who is Global, License or User Administrator and so on, by
 * Entra ID's role template ids. The roles a caller acts with come from their token's {@code wids}, which
 * the identity provider issues; this record is what the directory keeps and answers, as Entra ID's
 * roleAssignments list does, and what {@link org.licenselifecycle.directory.users.PrivilegedTargets} reads to
 * tell which admins may act on a user. Only a Global Administrator assigns and removes roles (the resource
 * says so); as in Entra ID, none removes their own Global Administrator assignment, nor the tenant's last.
 */
@ApplicationScoped
public class RoleAssignmentService {

    static final String REMOVING_SELF = "Removing self from Global Administrator built-in role is not allowed";
    static final String REMOVING_LAST = "The tenant's last Global Administrator assignment cannot be removed:"
            + " assign the role to another user first.";

    private static final UUID GLOBAL_ADMINISTRATOR = UUID.fromString(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId());

    private final RoleAssignmentRepository assignments;
    private final UserService users;
    private final Clock clock;

    RoleAssignmentService(RoleAssignmentRepository assignments, UserService users, Clock clock) {
        this.assignments = assignments;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Gives a user of the tenant a directory role over the whole tenant.
     *
     * @throws GraphException 400 for a missing or malformed property or a scope other than "/"; 404 for
     *         an unknown role or user (another tenant's is unknown); 409 when the user already holds it
     */
    @Transactional
    public RoleAssignment assign(UUID tenantId, NewRoleAssignment request) {
        if (request == null) {
            throw GraphException.badRequest("The request body is empty; a role assignment is required.");
        }
        UUID principalId = guid(request.principalId(), "principalId");
        UUID roleDefinitionId = guid(request.roleDefinitionId(), "roleDefinitionId");
        if (request.directoryScopeId() == null) {
            throw missing("directoryScopeId");
        }
        if (!RoleAssignment.TENANT_SCOPE.equals(request.directoryScopeId())) {
            throw GraphException.badRequest("Only the directory scope '/' (the whole tenant) is supported.");
        }
        DirectoryRole.ofTemplateId(roleDefinitionId.toString())
                .orElseThrow(() -> GraphException.notFound(request.roleDefinitionId()));
        // the user's row lock orders this assignment with every change to the user, which takes the same lock
        // before it reads their roles (PrivilegedTargets): no change goes through on the roles of a moment before
        users.findForUpdate(tenantId, request.principalId());
        if (assignments.exists(tenantId, principalId, roleDefinitionId, RoleAssignment.TENANT_SCOPE)) {
            throw alreadyAssigned();
        }
        RoleAssignment assignment = new RoleAssignment();
        assignment.id = UUID.randomUUID();
        assignment.tenantId = tenantId;
        assignment.principalId = principalId;
        assignment.roleDefinitionId = roleDefinitionId;
        assignment.directoryScopeId = RoleAssignment.TENANT_SCOPE;
        assignment.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            assignments.persistAndFlush(assignment);
        } catch (ConstraintViolationException e) {
            // the same assignment committed concurrently
            throw alreadyAssigned();
        }
        return assignment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoleAssignment> list(UUID tenantId, Optional<UUID> principalId) {
        return assignments.listInTenant(tenantId, principalId);
    }

    /**
     * Removes a role assignment.
     *
     * @param removedBy the Global Administrator's object id
     * @throws GraphException 404 for an unknown assignment or another tenant's; 400 when it is the caller's
     *         own Global Administrator assignment (Entra ID's message), or the last Global Administrator
     *         assignment of a user who is not deleted
     */
    @Transactional
    public void remove(UUID tenantId, String id, UUID removedBy) {
        // two Global Administrators removing each other's role at once would otherwise both see one left
        assignments.lockRemovals(tenantId);
        RoleAssignment assignment = ObjectIds.of(id).flatMap(uuid -> assignments.findInTenant(tenantId, uuid))
                .orElseThrow(() -> GraphException.notFound(id));
        if (GLOBAL_ADMINISTRATOR.equals(assignment.roleDefinitionId)) {
            if (assignment.principalId.equals(removedBy)) {
                throw GraphException.badRequest(REMOVING_SELF);
            }
            if (assignments.activeHoldersOtherThan(tenantId, GLOBAL_ADMINISTRATOR, assignment.id) == 0) {
                throw GraphException.badRequest(REMOVING_LAST);
            }
        }
        assignments.delete(assignment);
    }

    private static UUID guid(String value, String property) {
        if (value == null) {
            throw missing(property);
        }
        return ObjectIds.of(value).orElseThrow(() -> GraphException.badRequest(
                "Invalid value specified for property '" + property + "' of resource 'UnifiedRoleAssignment'."));
    }

    private static GraphException alreadyAssigned() {
        return GraphException.conflict(GraphErrorCodes.BAD_REQUEST,
                "A conflicting object with one or more of the specified property values is present in the directory.");
    }

    private static GraphException missing(String property) {
        return GraphException.badRequest(
                "A value is required for property '" + property + "' of resource 'UnifiedRoleAssignment'.");
    }
}
