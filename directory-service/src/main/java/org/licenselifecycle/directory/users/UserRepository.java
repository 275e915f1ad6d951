package org.licenselifecycle.directory.users;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage of users; every query is confined to one tenant and says whether it reads Active users
 * (not deleted) or deleted items.
 */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    private static final String ACTIVE = "deletedAt is null";
    private static final String DELETED = "deletedAt is not null";

    /** An active user of the tenant. */
    public Optional<User> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and " + ACTIVE, tenantId, id).firstResultOptional();
    }

    /** An active user by userPrincipalName, compared case-insensitively as Entra ID does (users_tenant_upn). */
    public Optional<User> findByUserPrincipalName(UUID tenantId, String userPrincipalName) {
        return find("tenantId = ?1 and lower(userPrincipalName) = ?2 and " + ACTIVE, tenantId,
                userPrincipalName.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** A user of the tenant's deleted items, locked so that a restore, a permanent delete and the purge take turns. */
    public Optional<User> findDeletedForUpdate(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and " + DELETED, tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Up to {@code limit} active users of the tenant in id order, after {@code after} when given (keyset paging). */
    public List<User> page(UUID tenantId, Optional<UUID> after, int limit) {
        return page(ACTIVE, tenantId, after, limit);
    }

    /** Like {@link #page} over the tenant's deleted items. */
    public List<User> deletedPage(UUID tenantId, Optional<UUID> after, int limit) {
        return page(DELETED, tenantId, after, limit);
    }

    /**
     * Claims up to {@code limit} deleted users whose window ended by {@code now}. Rows another purge holds
     * are skipped ({@code FOR UPDATE SKIP LOCKED}), so each is purged by one replica only.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDueForPurge(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT id FROM users
                WHERE deleted_at IS NOT NULL AND purge_after <= ?1
                ORDER BY purge_after
                LIMIT ?2
                FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    private List<User> page(String state, UUID tenantId, Optional<UUID> after, int limit) {
        var query = after.isPresent()
                ? find("tenantId = ?1 and id > ?2 and " + state + " order by id", tenantId, after.get())
                : find("tenantId = ?1 and " + state + " order by id", tenantId);
        return query.range(0, limit - 1).list();
    }
}
