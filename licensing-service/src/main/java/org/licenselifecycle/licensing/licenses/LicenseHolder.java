package org.licenselifecycle.licensing.licenses;

import java.time.Instant;
import java.util.UUID;

/** A user holding a product, as the Licenses page lists them; {@code assignedByGroup} null when direct. */
public record LicenseHolder(UUID userId, String displayName, String userPrincipalName, Instant assignedDateTime,
        UUID assignedByGroup) {
}
