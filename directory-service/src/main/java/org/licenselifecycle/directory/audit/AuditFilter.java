package org.licenselifecycle.directory.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which entries of the audit log a list selects: a range of {@code activityDateTime} (each bound inclusive or not)
 * and, when given, one activity and one correlation id.
 */
public record AuditFilter(Optional<Instant> from, boolean fromInclusive, Optional<Instant> to, boolean toInclusive,
        Optional<String> activityDisplayName, Optional<UUID> correlationId) {

    public static final AuditFilter NONE = new AuditFilter(Optional.empty(), true, Optional.empty(), true,
            Optional.empty(), Optional.empty());
}
