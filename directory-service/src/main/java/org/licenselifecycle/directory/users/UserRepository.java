package org.licenselifecycle.directory.users;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
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

    /**
     * The user of the tenant, active or deleted, that the directory synchronization wrote with this on-premises
     * anchor (users_tenant_anchor: one at most), locked for the sync's change.
     */
    public Optional<User> findByImmutableIdForUpdate(UUID tenantId, String onPremisesImmutableId) {
        return find("tenantId = ?1 and onPremisesImmutableId = ?2", tenantId, onPremisesImmutableId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** An active user of the tenant by on-premises anchor. */
    public Optional<User> findActiveByImmutableId(UUID tenantId, String onPremisesImmutableId) {
        return find("tenantId = ?1 and onPremisesImmutableId = ?2 and " + ACTIVE, tenantId, onPremisesImmutableId)
                .firstResultOptional();
    }

    /**
     * The active users of the tenant with these on-premises anchors (those it has). The anchors go as one array
     * parameter: a synced group may name tens of thousands of members, past PostgreSQL's 32,767 bind parameters that
     * an {@code IN} list of one parameter per anchor would need.
     */
    @SuppressWarnings("unchecked")
    public List<User> findActiveByImmutableIds(UUID tenantId, Collection<String> onPremisesImmutableIds) {
        if (onPremisesImmutableIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("""
                SELECT * FROM users
                WHERE tenant_id = ?1 AND on_premises_immutable_id = ANY(?2) AND deleted_at IS NULL""", User.class)
                .setParameter(1, tenantId)
                .setParameter(2, onPremisesImmutableIds.toArray(String[]::new))
                .getResultList();
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
     * Up to {@code limit} active users of the tenant that meet every condition of the filter, in the order asked,
     * after {@code after} when given (keyset paging: what is created or deleted meanwhile moves no other row).
     */
    @SuppressWarnings("unchecked")
    public List<User> page(UUID tenantId, UserFilter filter, UserOrder order, Optional<UserCursor> after, int limit) {
        UserConditions conditions = UserConditions.of(tenantId, filter);
        String key = switch (order) {
            case ID -> null;
            case DISPLAY_NAME, DISPLAY_NAME_DESCENDING -> "display_name";
            case USER_PRINCIPAL_NAME, USER_PRINCIPAL_NAME_DESCENDING -> "user_principal_name";
        };
        String direction = order.descending() ? " DESC" : "";
        StringBuilder sql = new StringBuilder("SELECT u.* FROM users u WHERE ").append(conditions.sql());
        after.ifPresent(cursor -> {
            String comparison = order.descending() ? " < " : " > ";
            sql.append(key == null ? " AND u.id" + comparison + ":afterId"
                    : " AND (lower(u." + key + "), u.id)" + comparison + "(lower(:afterName), :afterId)");
        });
        sql.append(" ORDER BY ").append(key == null ? "" : "lower(u." + key + ")" + direction + ", ")
                .append("u.id").append(direction).append(" LIMIT :limit");
        var query = getEntityManager().createNativeQuery(sql.toString(), User.class);
        conditions.parameters().forEach(query::setParameter);
        after.ifPresent(cursor -> {
            query.setParameter("afterId", cursor.id());
            if (key != null) {
                query.setParameter("afterName", cursor.name());
            }
        });
        return query.setParameter("limit", limit).getResultList();
    }

    /** How many active users of the tenant meet every condition of the filter. */
    public long count(UUID tenantId, UserFilter filter) {
        UserConditions conditions = UserConditions.of(tenantId, filter);
        var query = getEntityManager().createNativeQuery("SELECT count(*) FROM users u WHERE " + conditions.sql());
        conditions.parameters().forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
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
