package org.licenselifecycle.directory.users;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Storage of users; every query is confined to one tenant. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Optional<User> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** By userPrincipalName, compared case-insensitively as Entra ID does (served by users_tenant_upn). */
    public Optional<User> findByUserPrincipalName(UUID tenantId, String userPrincipalName) {
        return find("tenantId = ?1 and lower(userPrincipalName) = ?2", tenantId,
                userPrincipalName.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** Up to {@code limit} users of the tenant in id order, after {@code after} when given (keyset paging). */
    public List<User> page(UUID tenantId, Optional<UUID> after, int limit) {
        var query = after.isPresent()
                ? find("tenantId = ?1 and id > ?2 order by id", tenantId, after.get())
                : find("tenantId = ?1 order by id", tenantId);
        return query.range(0, limit - 1).list();
    }
}
