package org.licenselifecycle.support.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.events.DirectoryAuditRecorded.KeyValue;
import org.licenselifecycle.events.DirectoryAuditRecorded.Target;
import org.licenselifecycle.events.DirectoryAuditRecorded;

/**
 * Records an entry of the tenant's audit log (Graph's {@code directoryAudit}) in the transaction of the change it
 * records: the entry is a {@link DirectoryAuditRecorded} in the service's outbox ({@link OutboxAuditEntries}), so it
 * commits with the change or not at all, and reaches directory-service, which keeps and serves the log, even when
 * the broker is away for a while; directory-service keeps its own entries at once ({@link AuditEntries}). The one
 * way every service records in the audit log.
 *
 * <p>Call it where the change is made, once per target and change (a Licenses-page unassign of 20 users records
 * 20 "Change user license" entries, sharing one correlation id):
 * <pre>{@code
 * auditLog.record(Activity.CHANGE_USER_LICENSE, AuditTargets.user(id, name, upn, List.of(
 *         AuditTargets.changed("AssignedLicense", before, after))));
 * // a scheduled job or an event consumer: the system (this service as an application) did it
 * auditLog.record(initiators.system(eventId), Activity.UPDATE_SUBSCRIPTION, List.of(target), List.of());
 * }</pre>
 */
@ApplicationScoped
public class AuditLog {

    private final AuditEntries entries;
    private final Initiators initiators;
    private final Clock clock;

    AuditLog(AuditEntries entries, Initiators initiators, Clock clock) {
        this.entries = entries;
        this.initiators = initiators;
        this.clock = clock;
    }

    /** Records that the caller of the current request (the system outside one) did {@code activity} to {@code target}. */
    public UUID record(UUID tenantId, Activity activity, Target target) {
        return record(tenantId, initiators.current(), activity, List.of(target), List.of());
    }

    /**
     * Records a successful {@code activity}.
     *
     * @param by who did it ({@link Initiators#current()}, {@link Initiators#system(UUID)})
     * @param targets the objects it changed
     * @param details Graph's {@code additionalDetails}
     * @return the entry's id (the event id)
     * @throws IllegalStateException outside a transaction (no interceptor of its own: where the entry goes refuses,
     *     {@link AuditEntries#add}, and every change calls here)
     */
    public UUID record(UUID tenantId, Initiated by, Activity activity, List<Target> targets, List<KeyValue> details) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("An audit entry names at least one target");
        }
        DirectoryAuditRecorded entry = new DirectoryAuditRecorded(tenantId, activity.category(), by.correlationId(),
                "success", null, activity.displayName(), clock.instant(), Activity.LOGGED_BY_SERVICE,
                activity.operationType(), by.initiator(), targets, details);
        return entries.add(entry);
    }

    /** Who is calling now; the system outside a request. */
    public Initiated caller() {
        return initiators.current();
    }

    /** This service acting on its own, e.g. after the event {@code correlationId}. */
    public Initiated system(UUID correlationId) {
        return initiators.system(correlationId);
    }
}
