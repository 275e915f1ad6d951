package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.licensing.users.UserRef;

/**
 * A user of the read model with the licenses they hold, as {@link LicenseAssignmentRepository} read them: what
 * a license change decides on (then the user stays locked until the transaction ends), or what a read shows.
 */
record Holder(UUID tenantId, UUID userId, String userPrincipalName, String displayName, String usageLocation,
        List<LicenseRow> licenses) {

    Holder {
        licenses = List.copyOf(licenses);
    }

    boolean hasValidUsageLocation() {
        return DirectoryUser.isValidUsageLocation(usageLocation);
    }

    Holder withLicenses(List<LicenseRow> held) {
        return new Holder(tenantId, userId, userPrincipalName, displayName, usageLocation, held);
    }

    UserRef ref() {
        return new UserRef(tenantId, userId, userPrincipalName);
    }

    List<UUID> skuIds() {
        return licenses.stream().map(LicenseRow::skuId).toList();
    }

    /** One row of {@code license_assignment}: a product the user holds and where it came from. */
    record LicenseRow(UUID skuId, List<UUID> disabledPlans, UUID selfServiceSubscriptionId, UUID assignedByGroup) {

        LicenseRow {
            disabledPlans = List.copyOf(disabledPlans);
        }

        LicenseRow withDisabledPlans(List<UUID> plans) {
            return new LicenseRow(skuId, plans, selfServiceSubscriptionId, assignedByGroup);
        }
    }
}
