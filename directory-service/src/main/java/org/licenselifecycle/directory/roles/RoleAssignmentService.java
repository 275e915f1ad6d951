package org.licenselifecycle.directory.roles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.licenselifecycle.directory.users.UserRepository;
import org.licenselifecycle.directory.users.UserService;
import org.licenselifecycle.support.graph.GraphErrorCodes;
import org.licenselifecycle.support.graph.GraphException;
import org.licenselifecycle.support.security.DirectoryRole;

/**
 * The directory's record of admin roles: who is Global, License or User Administrator and so on, by
 * Entra ID's role template ids. The roles a caller acts with come from their token's {@code wids}, which
 * the identity provider issues; this record is what the directory keeps and answers, as Entra ID's
 * roleAssignments list does.
 */
@ApplicationScoped
public class RoleAssignmentService {

    private final RoleAssignmentRepository assignments;
    private final UserRepository users;
    private final Clock clock;

    RoleAssignmentService(RoleAssignmentRepository assignments, UserRepository users, Clock clock) {
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
        users.findInTenant(tenantId, principalId).orElseThrow(() -> GraphException.notFound(request.principalId()));
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

    /** @throws GraphException 404 for an unknown assignment or another tenant's */
    @Transactional
    public void remove(UUID tenantId, String id) {
        RoleAssignment assignment = UserService.parseId(id).flatMap(uuid -> assignments.findInTenant(tenantId, uuid))
                .orElseThrow(() -> GraphException.notFound(id));
        assignments.delete(assignment);
    }

    private static UUID guid(String value, String property) {
        if (value == null) {
            throw missing(property);
        }
        return UserService.parseId(value).orElseThrow(() -> GraphException.badRequest(
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
