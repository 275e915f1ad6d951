package org.licenselifecycle.directory.roles;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.directory.users.RoleRecord;
import org.licenselifecycle.directory.users.User;

/**
 * Storage of role assignments, confined to one tenant; assignments of deleted users are not listed, but
 * are kept (and read by {@link #roleTemplateIdsOf}) until the purge.
 */
@ApplicationScoped
public class RoleAssignmentRepository implements PanacheRepositoryBase<RoleAssignment, UUID>, RoleRecord {

    private static final String OF_ACTIVE_USERS =
            "principalId in (select u.id from User u where u.tenantId = ?1 and u.deletedAt is null)";

    public List<RoleAssignment> listInTenant(UUID tenantId, Optional<UUID> principalId) {
        return principalId.isPresent()
                ? list("tenantId = ?1 and principalId = ?2 and " + OF_ACTIVE_USERS + " order by createdAt, id",
                        tenantId, principalId.get())
                : list("tenantId = ?1 and " + OF_ACTIVE_USERS + " order by createdAt, id", tenantId);
    }

    public Optional<RoleAssignment> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public boolean exists(UUID tenantId, UUID principalId, UUID roleDefinitionId, String scope) {
        return count("tenantId = ?1 and principalId = ?2 and roleDefinitionId = ?3 and directoryScopeId = ?4",
                tenantId, principalId, roleDefinitionId, scope) > 0;
    }

    /** How many users, not deleted, hold {@code roleDefinitionId} by an assignment other than {@code exceptId}. */
    public long activeHoldersOtherThan(UUID tenantId, UUID roleDefinitionId, UUID exceptId) {
        return count("tenantId = ?1 and roleDefinitionId = ?2 and id <> ?3 and " + OF_ACTIVE_USERS,
                tenantId, roleDefinitionId, exceptId);
    }

    /** Serialises removals of the tenant's role assignments until the transaction ends. */
    public void lockRemovals(UUID tenantId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "role-assignment-removals:" + tenantId)
                .getSingleResult();
    }

    @Override
    public List<UUID> roleTemplateIdsOf(User user) {
        return list("tenantId = ?1 and principalId = ?2", user.tenantId, user.id).stream()
                .map(assignment -> assignment.roleDefinitionId).toList();
    }
}
