package org.licenselifecycle.directory.groups;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.directory.users.User;

/** Storage of groups and their members; every query is confined to one tenant. */
@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<Group, UUID> {

    /** A group of the tenant. */
    public Optional<Group> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    private Optional<Group> findInTenantForUpdate(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * The group of the tenant a path segment names.
     *
     * @throws GraphException 404 when the tenant has no such group (or the segment is no GUID)
     */
    public Group require(UUID tenantId, String id) {
        return ObjectIds.of(id).flatMap(groupId -> findInTenant(tenantId, groupId))
                .orElseThrow(() -> GraphException.notFound(id));
    }

    /** As {@link #require}, locked: the group's membership changes and its deletion take turns. */
    public Group requireForUpdate(UUID tenantId, String id) {
        return ObjectIds.of(id).flatMap(groupId -> findInTenantForUpdate(tenantId, groupId))
                .orElseThrow(() -> GraphException.notFound(id));
    }

    /** The group of the tenant, locked as {@link #requireForUpdate}; null when there is none. */
    Group lockedOrNull(UUID tenantId, UUID id) {
        return findInTenantForUpdate(tenantId, id).orElse(null);
    }

    /** Up to {@code limit} groups of the tenant the filter selects, in id order, after {@code after} when given. */
    public List<Group> page(UUID tenantId, GroupFilter filter, Optional<UUID> after, int limit) {
        StringBuilder jpql = new StringBuilder("FROM Group g WHERE g.tenantId = :tenant");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", tenantId);
        conditions(filter, jpql, parameters);
        after.ifPresent(id -> {
            jpql.append(" AND g.id > :after");
            parameters.put("after", id);
        });
        TypedQuery<Group> query = getEntityManager().createQuery(jpql.append(" ORDER BY g.id").toString(), Group.class)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** How many groups of the tenant the filter selects. */
    public long count(UUID tenantId, GroupFilter filter) {
        StringBuilder jpql = new StringBuilder("SELECT count(g) FROM Group g WHERE g.tenantId = :tenant");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", tenantId);
        conditions(filter, jpql, parameters);
        TypedQuery<Long> query = getEntityManager().createQuery(jpql.toString(), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Up to {@code limit} active (not deleted) members of the group, in id order, after {@code after} when given. */
    public List<User> activeMembers(UUID groupId, Optional<UUID> after, int limit) {
        TypedQuery<User> query = getEntityManager().createQuery("SELECT u FROM User u, GroupMember m"
                        + " WHERE m.groupId = :group AND u.id = m.userId AND u.deletedAt IS NULL"
                        + after.map(id -> " AND u.id > :after").orElse("") + " ORDER BY u.id", User.class)
                .setParameter("group", groupId)
                .setMaxResults(limit);
        after.ifPresent(id -> query.setParameter("after", id));
        return query.getResultList();
    }

    /** Up to {@code limit} groups the user is a member of, in id order, after {@code after} when given. */
    public List<Group> groupsOf(UUID userId, Optional<UUID> after, int limit) {
        TypedQuery<Group> query = getEntityManager().createQuery("SELECT g FROM Group g, GroupMember m"
                        + " WHERE m.userId = :user AND g.id = m.groupId"
                        + after.map(id -> " AND g.id > :after").orElse("") + " ORDER BY g.id", Group.class)
                .setParameter("user", userId)
                .setMaxResults(limit);
        after.ifPresent(id -> query.setParameter("after", id));
        return query.getResultList();
    }

    /** Every membership of the group, deleted users' included, locked with the group. */
    public List<GroupMember> memberships(UUID groupId) {
        return getEntityManager().createQuery("FROM GroupMember WHERE groupId = :group ORDER BY userId", GroupMember.class)
                .setParameter("group", groupId)
                .getResultList();
    }

    /** The memberships of the group's active (not deleted) members. */
    List<GroupMember> activeMemberships(UUID groupId) {
        return getEntityManager().createQuery("SELECT m FROM GroupMember m, User u"
                        + " WHERE m.groupId = :group AND u.id = m.userId AND u.deletedAt IS NULL ORDER BY m.userId",
                        GroupMember.class)
                .setParameter("group", groupId)
                .getResultList();
    }

    /** The tenant's group with this on-premises anchor, locked as {@link #requireForUpdate}. */
    Optional<Group> findByImmutableIdForUpdate(UUID tenantId, String onPremisesImmutableId) {
        return find("tenantId = ?1 and onPremisesImmutableId = ?2", tenantId, onPremisesImmutableId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The user's membership of the group, when there is one. */
    public Optional<GroupMember> membership(UUID groupId, UUID userId) {
        GroupMember.Key key = new GroupMember.Key(groupId, userId);
        return Optional.ofNullable(getEntityManager().find(GroupMember.class, key));
    }

    /** The products each of the groups gives, by group; a group without any is absent. */
    public Map<UUID, List<GroupLicense>> licenses(List<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<GroupLicense>> byGroup = new HashMap<>();
        getEntityManager().createQuery("FROM GroupLicense WHERE groupId IN :groups ORDER BY skuId", GroupLicense.class)
                .setParameter("groups", groupIds)
                .getResultList()
                .forEach(license -> byGroup.computeIfAbsent(license.groupId, id -> new ArrayList<>()).add(license));
        return byGroup;
    }

    private static void conditions(GroupFilter filter, StringBuilder jpql, Map<String, Object> parameters) {
        filter.displayName().ifPresent(name -> {
            jpql.append(" AND lower(g.displayName) = :name");
            parameters.put("name", name.toLowerCase(Locale.ROOT));
        });
        filter.displayNamePrefix().ifPresent(prefix -> {
            // LIKE's own characters in the prefix are matched as themselves
            jpql.append(" AND lower(g.displayName) LIKE :prefix ESCAPE '\\'");
            parameters.put("prefix", prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        });
        filter.mailNickname().ifPresent(nickname -> {
            jpql.append(" AND lower(g.mailNickname) = :nickname");
            parameters.put("nickname", nickname.toLowerCase(Locale.ROOT));
        });
    }
}
