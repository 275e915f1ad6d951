package org.licenselifecycle.licensing.licenses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's licenses as the Active users page shows them ("Licenses and Apps"), with what restoring the
 * user could not give back.
 */
public record UserLicensesView(UUID userId, String displayName, String userPrincipalName, String usageLocation,
        boolean accountEnabled, List<License> licenses, List<NotRestored> restoreFailures) {

    /**
     * A product the user holds; {@code assignedByGroup} is the group it is inherited from, null when direct;
     * {@code keptBecause} says why an admin cannot remove it here (the page greys it out), null when they can.
     */
    public record License(UUID skuId, String skuPartNumber, String productName, List<UUID> disabledPlans,
            Instant assignedDateTime, UUID assignedByGroup, KeptLicense keptBecause) {
    }

    /**
     * A license the user held before being deleted that the restore could not give back: why in words
     * ({@code reason}) and as a code ({@link RestoreFailure.Reason}).
     */
    public record NotRestored(UUID skuId, String skuPartNumber, String productName, String reason,
            RestoreFailure.Reason reasonCode, Instant recordedDateTime) {
    }
}
