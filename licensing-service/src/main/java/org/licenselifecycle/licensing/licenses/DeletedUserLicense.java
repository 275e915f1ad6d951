package org.licenselifecycle.licensing.licenses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;

/**
 * A license a user held when they were deleted, kept so that restoring the user can give it back: a row of
 * {@code deleted_user_license}, read and written by {@link DeletedUserRows}.
 */
public class DeletedUserLicense {

    public UUID userId;

    public UUID skuId;

    public UUID tenantId;

    public UUID[] disabledPlans;

    public Instant assignedAt;

    /** The group the user inherited it from; null when not inherited. */
    public UUID assignedByGroup;

    /** The self-service purchase it came from, its purchaser managing it then; null otherwise. */
    public UUID selfServiceSubscriptionId;

    /** A license the deleted user held, and where it came from, to give back if they are restored. */
    static DeletedUserLicense of(UUID tenantId, UUID userId, LicenseRow license, Instant assignedAt) {
        DeletedUserLicense kept = new DeletedUserLicense();
        kept.userId = userId;
        kept.skuId = license.skuId();
        kept.tenantId = tenantId;
        // a direct assignment comes back with its own plans, merged again with what the user's groups give then
        kept.disabledPlans = (license.direct() ? license.directDisabledPlans() : license.disabledPlans())
                .toArray(UUID[]::new);
        kept.assignedAt = assignedAt;
        // a license also assigned directly comes back directly, from the seats
        kept.assignedByGroup = license.direct() ? null : license.assignedByGroup();
        kept.selfServiceSubscriptionId = license.selfServiceSubscriptionId();
        return kept;
    }

    /** The license as the user held it, with its origin. */
    LicenseRow asHeld() {
        return new LicenseRow(skuId, List.of(disabledPlans), selfServiceSubscriptionId, assignedByGroup);
    }
}
