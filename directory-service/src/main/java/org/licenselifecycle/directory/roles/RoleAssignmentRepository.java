package org.licenselifecycle.directory.roles;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of role assignments, confined to one tenant; assignments of deleted users are not shown. */
@ApplicationScoped
public class RoleAssignmentRepository implements PanacheRepositoryBase<RoleAssignment, UUID> {

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
}
