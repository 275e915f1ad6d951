package org.licenselifecycle.directory.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.events.DirectoryAuditRecorded.Initiator;
import org.licenselifecycle.events.DirectoryAuditRecorded.Target;
import org.licenselifecycle.events.DirectoryAuditRecorded.UserIdentity;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.support.sql.Sql;

/**
 * The tenants' audit logs, kept from {@code audit.directory-audits} (every service records there, through its
 * outbox, with service-support's {@code AuditLog}) and read as Graph's {@code directoryAudits}: newest first,
 * confined to the reader's tenant. An entry keeps the names the directory knew of the users it names when it
 * arrived, where the recording service had none (a token without {@code name}), so the log still says who
 * after a user is renamed or purged.
 */
@ApplicationScoped
public class DirectoryAudits {

    private final EntityManager entityManager;
    private final Sql sql;

    DirectoryAudits(EntityManager entityManager, Sql sql) {
        this.sql = sql;
        this.entityManager = entityManager;
    }

    /** An entry to keep, under its id (the event's, for another service's entry). */
    public record Kept(UUID id, DirectoryAuditRecorded entry) {
    }

    /**
     * Keeps an entry under its id (the event's, for another service's entry): in the consumer's transaction, which
     * records the event as applied, or in the directory's own change ({@link KeptAuditEntries}). The row is queued
     * ({@link Sql#insertLater}): the entries a consumer's batch keeps go in one INSERT, at the batch's commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(UUID eventId, DirectoryAuditRecorded recorded) {
        keepAll(List.of(new Kept(eventId, recorded)));
    }

    /**
     * Keeps entries as {@link #keep} keeps each, in the list's order, with the names of the users they name read in
     * one query for all of them (a consumer's batch names the same admin again and again).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepAll(List<Kept> entries) {
        Map<UUID, Name> names = names(entries.stream().flatMap(kept -> unnamed(kept.entry())).collect(Collectors.toSet()));
        for (Kept kept : entries) {
            DirectoryAuditRecorded named = named(kept.entry(), names);
            sql.insertLater("""
                    INSERT INTO directory_audit (id, tenant_id, activity_date_time, activity_display_name, correlation_id, entry)""",
                    "(?, ?, ?, ?, ?, ?::jsonb)", kept.id(), named.tenantId(), named.activityDateTime(),
                    named.activityDisplayName(), named.correlationId(), EventJson.write(named));
        }
    }

    /** Up to {@code size} entries of the tenant the filter selects, newest first, after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage page(UUID tenantId, AuditFilter filter, Optional<AuditCursor> after, int size) {
        StringBuilder jpql = new StringBuilder("FROM DirectoryAudit a WHERE a.tenantId = :tenant");
        filter.from().ifPresent(from -> jpql.append(" AND a.activityDateTime ").append(filter.fromInclusive() ? ">=" : ">")
                .append(" :from"));
        filter.to().ifPresent(to -> jpql.append(" AND a.activityDateTime ").append(filter.toInclusive() ? "<=" : "<")
                .append(" :to"));
        filter.activityDisplayName().ifPresent(activity -> jpql.append(" AND a.activityDisplayName = :activity"));
        filter.correlationId().ifPresent(correlation -> jpql.append(" AND a.correlationId = :correlation"));
        after.ifPresent(cursor -> jpql.append(" AND (a.activityDateTime < :afterTime"
                + " OR (a.activityDateTime = :afterTime AND a.id < :afterId))"));
        jpql.append(" ORDER BY a.activityDateTime DESC, a.id DESC");
        TypedQuery<DirectoryAudit> query = entityManager.createQuery(jpql.toString(), DirectoryAudit.class)
                .setParameter("tenant", tenantId)
                .setMaxResults(size + 1);
        filter.from().ifPresent(from -> query.setParameter("from", from));
        filter.to().ifPresent(to -> query.setParameter("to", to));
        filter.activityDisplayName().ifPresent(activity -> query.setParameter("activity", activity));
        filter.correlationId().ifPresent(correlation -> query.setParameter("correlation", correlation));
        after.ifPresent(cursor -> query.setParameter("afterTime", cursor.activityDateTime())
                .setParameter("afterId", cursor.id()));
        return AuditPage.of(query.getResultList(), size);
    }

    /** @throws GraphException 404 when the tenant's log has no such entry (another tenant's is as absent) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DirectoryAudit find(UUID tenantId, UUID id) {
        DirectoryAudit entry = entityManager.find(DirectoryAudit.class, id);
        if (entry == null || !entry.tenantId.equals(tenantId)) {
            throw GraphException.notFound(id.toString());
        }
        return entry;
    }

    /** A user's names, and the tenant the user belongs to. */
    private record Name(UUID tenantId, String displayName, String userPrincipalName) {
    }

    /** The ids of the users the entry names without their names: its initiator and its User targets. */
    private static Stream<UUID> unnamed(DirectoryAuditRecorded recorded) {
        UserIdentity user = recorded.initiatedBy().user();
        Stream<String> initiator = user != null && (user.displayName() == null || user.userPrincipalName() == null)
                ? Stream.of(user.id().toString()) : Stream.empty();
        Stream<String> targets = recorded.targetResources().stream()
                .filter(target -> "User".equals(target.type())
                        && (target.displayName() == null || target.userPrincipalName() == null))
                .map(Target::id);
        return Stream.concat(initiator, targets).flatMap(DirectoryAudits::uuid);
    }

    private static Stream<UUID> uuid(String id) {
        try {
            return Stream.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Stream.empty();
        }
    }

    /**
     * The names of these users, deleted or not, in one query. The session's pending changes are written first, so an
     * entry of the directory's own change names the users it added or renamed as they now are. Plain SQL
     * ({@link Sql.Among}): in JPQL the query was translated anew whenever the number of ids changed, which cost a
     * consumer more CPU than running it (deploy/local/bench/README.md).
     */
    private Map<UUID, Name> names(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        entityManager.flush();
        Sql.Among among = new Sql.Among(ids.toArray(UUID[]::new));
        return sql.list("SELECT id, tenant_id, display_name, user_principal_name FROM users WHERE " + among.condition("id"),
                        row -> Map.entry(Sql.uuid(row, 1), new Name(Sql.uuid(row, 2), row.getString(3), row.getString(4))),
                        among.parameter())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The entry with the names of the tenant's users it names filled in where the recorder had none. */
    private static DirectoryAuditRecorded named(DirectoryAuditRecorded recorded, Map<UUID, Name> names) {
        Initiator initiator = recorded.initiatedBy();
        UserIdentity user = initiator.user();
        if (user != null && (user.displayName() == null || user.userPrincipalName() == null)) {
            Optional<Name> known = user(recorded.tenantId(), user.id().toString(), names);
            user = new UserIdentity(user.id(),
                    user.displayName() != null ? user.displayName() : known.map(Name::displayName).orElse(null),
                    user.userPrincipalName() != null ? user.userPrincipalName()
                            : known.map(Name::userPrincipalName).orElse(null),
                    user.ipAddress());
            initiator = new Initiator(user, null);
        }
        List<Target> targets = recorded.targetResources().stream().map(target -> {
            if (!"User".equals(target.type()) || (target.displayName() != null && target.userPrincipalName() != null)) {
                return target;
            }
            Optional<Name> known = user(recorded.tenantId(), target.id(), names);
            return new Target(target.id(),
                    target.displayName() != null ? target.displayName() : known.map(Name::displayName).orElse(null),
                    "User",
                    target.userPrincipalName() != null ? target.userPrincipalName()
                            : known.map(Name::userPrincipalName).orElse(null),
                    target.modifiedProperties());
        }).toList();
        return new DirectoryAuditRecorded(recorded.tenantId(), recorded.category(), recorded.correlationId(),
                recorded.result(), recorded.resultReason(), recorded.activityDisplayName(), recorded.activityDateTime(),
                recorded.loggedByService(), recorded.operationType(), initiator, targets, recorded.additionalDetails());
    }

    /** A user of the tenant, deleted or not, by id, among the names read. */
    private static Optional<Name> user(UUID tenantId, String id, Map<UUID, Name> names) {
        return uuid(id).findFirst().map(names::get).filter(name -> name.tenantId().equals(tenantId));
    }
}
