package org.licenselifecycle.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The products a group gives its members changed (Graph's {@code POST /groups/{id}/assignLicense}). The whole list,
 * not a diff: a consumer overwrites the group's {@code assignedLicenses}. Topic {@link Topics#LICENSE_EVENTS}, key the
 * group's id.
 *
 * @param assignedLicenses the group's licenses after the change, each with the plans turned off for its members
 */
public record GroupLicensesChanged(
        UUID tenantId,
        UUID groupId,
        List<GroupLicense> assignedLicenses,
        UUID changedBy,
        Instant changedAt) {

    public GroupLicensesChanged {
        Require.present(tenantId, "tenantId");
        Require.present(groupId, "groupId");
        assignedLicenses = Require.list(assignedLicenses, "assignedLicenses");
        Require.present(changedAt, "changedAt");
    }

    /** One product the group gives, as Graph's {@code assignedLicense}. */
    public record GroupLicense(UUID skuId, List<UUID> disabledPlans) {

        public GroupLicense {
            Require.present(skuId, "skuId");
            disabledPlans = Require.list(disabledPlans, "disabledPlans");
        }
    }
}
