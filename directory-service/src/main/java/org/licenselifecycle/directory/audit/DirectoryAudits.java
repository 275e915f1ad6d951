package org.licenselifecycle.directory.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserRepository;
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
    private final UserRepository users;
    private final Sql sql;

    DirectoryAudits(EntityManager entityManager, UserRepository users, Sql sql) {
        this.sql = sql;
        this.entityManager = entityManager;
        this.users = users;
    }

    /**
     * Keeps an entry under its id (the event's, for another service's entry): in the consumer's transaction, which
     * records the event as applied, or in the directory's own change ({@link KeptAuditEntries}). The row is queued
     * ({@link Sql#insertLater}): the entries a consumer's batch keeps go in one INSERT, at the batch's commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(UUID eventId, DirectoryAuditRecorded recorded) {
        DirectoryAuditRecorded named = named(recorded);
        sql.insertLater("""
                INSERT INTO directory_audit (id, tenant_id, activity_date_time, activity_display_name, correlation_id, entry)""",
                "(?, ?, ?, ?, ?, ?::jsonb)", eventId, named.tenantId(), named.activityDateTime(),
                named.activityDisplayName(), named.correlationId(), EventJson.write(named));
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

    /** The entry with the names of the tenant's users it names filled in where the recorder had none. */
    private DirectoryAuditRecorded named(DirectoryAuditRecorded recorded) {
        Initiator initiator = recorded.initiatedBy();
        UserIdentity user = initiator.user();
        if (user != null && (user.displayName() == null || user.userPrincipalName() == null)) {
            Optional<User> known = user(recorded.tenantId(), user.id().toString());
            user = new UserIdentity(user.id(),
                    user.displayName() != null ? user.displayName() : known.map(u -> u.displayName).orElse(null),
                    user.userPrincipalName() != null ? user.userPrincipalName()
                            : known.map(u -> u.userPrincipalName).orElse(null),
                    user.ipAddress());
            initiator = new Initiator(user, null);
        }
        List<Target> targets = recorded.targetResources().stream().map(target -> {
            if (!"User".equals(target.type()) || (target.displayName() != null && target.userPrincipalName() != null)) {
                return target;
            }
            Optional<User> known = user(recorded.tenantId(), target.id());
            return new Target(target.id(),
                    target.displayName() != null ? target.displayName() : known.map(u -> u.displayName).orElse(null),
                    "User",
                    target.userPrincipalName() != null ? target.userPrincipalName()
                            : known.map(u -> u.userPrincipalName).orElse(null),
                    target.modifiedProperties());
        }).toList();
        return new DirectoryAuditRecorded(recorded.tenantId(), recorded.category(), recorded.correlationId(),
                recorded.result(), recorded.resultReason(), recorded.activityDisplayName(), recorded.activityDateTime(),
                recorded.loggedByService(), recorded.operationType(), initiator, targets, recorded.additionalDetails());
    }

    /** A user of the tenant, deleted or not, by id. */
    private Optional<User> user(UUID tenantId, String id) {
        try {
            return users.findByIdOptional(UUID.fromString(id)).filter(u -> u.tenantId.equals(tenantId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
