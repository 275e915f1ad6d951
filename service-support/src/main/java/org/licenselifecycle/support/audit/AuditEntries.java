package org.licenselifecycle.support.audit;

import java.util.UUID;
import org.licenselifecycle.events.DirectoryAuditRecorded;

/**
 * Where {@link AuditLog} puts an entry, in the caller's transaction. By default the service's outbox
 * ({@link OutboxAuditEntries}), whence directory-service keeps it; directory-service, which keeps the log in its own
 * database, keeps its own entries there directly, in the same transaction (no trip through Kafka back to itself).
 */
public interface AuditEntries {

    /** Adds {@code entry} to the transaction; returns its id (Graph's {@code directoryAudit} id). */
    UUID add(DirectoryAuditRecorded entry);
}
