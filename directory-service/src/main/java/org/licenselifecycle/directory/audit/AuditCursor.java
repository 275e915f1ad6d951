package org.licenselifecycle.directory.audit;

import java.time.Instant;
import java.util.UUID;

/** Where a page of the audit log ended: the last entry's time and id (the list runs newest first). */
public record AuditCursor(Instant activityDateTime, UUID id) {
}
