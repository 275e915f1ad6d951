package org.licenselifecycle.directory.users;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
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

    /** A user of the tenant's deleted items. */
    public Optional<User> findDeleted(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and " + DELETED, tenantId, id).firstResultOptional();
    }

    /** A user of the tenant's deleted items, locked so that a restore, a permanent delete and the purge take turns. */
    public Optional<User> findDeletedForUpdate(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and " + DELETED, tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Up to {@code limit} active users of the tenant that meet every condition of the filter, in id order,
     * after {@code after} when given (keyset paging).
     */
    public List<User> page(UUID tenantId, UserFilter filter, Optional<UUID> after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and " + ACTIVE);
        Parameters parameters = Parameters.with("tenant", tenantId);
        filter.userPrincipalName().ifPresent(upn -> {
            query.append(" and lower(userPrincipalName) = :upn");
            parameters.and("upn", upn.toLowerCase(Locale.ROOT));
        });
        filter.accountEnabled().ifPresent(enabled -> {
            query.append(" and accountEnabled = :enabled");
            parameters.and("enabled", enabled);
        });
        filter.usageLocation().ifPresent(location -> {
            query.append(" and usageLocation = :location");
            parameters.and("location", location.toUpperCase(Locale.ROOT));
        });
        filter.displayName().ifPresent(name -> {
            query.append(" and lower(displayName) = :name");
            parameters.and("name", name.toLowerCase(Locale.ROOT));
        });
        filter.displayNameStartsWith().ifPresent(prefix -> {
            query.append(" and lower(displayName) like :namePrefix escape '\\'");
            parameters.and("namePrefix", likePrefix(prefix));
        });
        filter.userPrincipalNameStartsWith().ifPresent(prefix -> {
            query.append(" and lower(userPrincipalName) like :upnPrefix escape '\\'");
            parameters.and("upnPrefix", likePrefix(prefix));
        });
        after.ifPresent(id -> {
            query.append(" and id > :after");
            parameters.and("after", id);
        });
        return find(query.append(" order by id").toString(), parameters).range(0, limit - 1).list();
    }

    /** A LIKE pattern matching what starts with {@code prefix}, its own wildcards taken literally. */
    private static String likePrefix(String prefix) {
        return prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Up to {@code limit} of the tenant's deleted users in id order, after {@code after} when given. */
    public List<User> deletedPage(UUID tenantId, Optional<UUID> after, int limit) {
        var query = after.isPresent()
                ? find("tenantId = ?1 and id > ?2 and " + DELETED + " order by id", tenantId, after.get())
                : find("tenantId = ?1 and " + DELETED + " order by id", tenantId);
        return query.range(0, limit - 1).list();
    }

    /** Serialises changes of the tenant's reporting lines until the transaction ends. */
    public void lockReportingLines(UUID tenantId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "reporting-lines:" + tenantId)
                .getSingleResult();
    }

    /** The users, active or deleted, whose manager is {@code managerId}. */
    public List<User> reportsOf(UUID managerId) {
        return list("managerId", managerId);
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
}
