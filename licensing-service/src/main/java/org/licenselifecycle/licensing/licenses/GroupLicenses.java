package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/**
 * Licenses a group gives its members (group-based licensing), recorded for the users named: they take
 * seats like any license but can only be removed through the group.
 */
public record GroupLicenses(UUID groupId, UUID skuId, List<UUID> userIds) {
}
