package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/**
 * Licenses a group gives its members (group-based licensing), recorded for the users named: they take
 * seats like any license but can only be removed through the group. {@code groupName} (optional) is the group's
 * display name, which pages show where an inherited license cannot be removed from a user directly.
 */
public record GroupLicenses(UUID groupId, String groupName, UUID skuId, List<UUID> userIds) {
}
