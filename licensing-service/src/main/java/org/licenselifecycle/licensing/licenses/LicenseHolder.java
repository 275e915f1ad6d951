package org.licenselifecycle.licensing.licenses;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A user holding a product, as the Licenses page lists them; {@code assignedByGroup} null when direct, and
 * {@code assignedByGroupName} that group's name as licensing heard it (null when direct or never heard);
 * {@code state} and {@code error} the user's {@code licenseAssignmentState} from that group (Active, ActiveWithError,
 * or Error with DependencyViolation for a license kept for another that depends on it: {@link InheritedState}), null
 * when direct.
 */
public record LicenseHolder(UUID userId, String displayName, String userPrincipalName, Instant assignedDateTime,
        UUID assignedByGroup, String assignedByGroupName, String state, String error) {

    LicenseHolder named(Map<UUID, String> groupNames) {
        return assignedByGroup == null ? this : new LicenseHolder(userId, displayName, userPrincipalName,
                assignedDateTime, assignedByGroup, groupNames.get(assignedByGroup), state, error);
    }
}
