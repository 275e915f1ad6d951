package org.licenselifecycle.directory.groups;

import java.util.List;

/**
 * A security group to create, with the properties and names of Graph's create body. Any field may be missing (null)
 * until {@link GroupValidation} has checked it. {@code onPremisesSyncEnabled} is read only to be refused, as for a
 * user ({@link org.licenselifecycle.directory.users.UserValidation#readOnly}): only the directory synchronization
 * masters a group on premises ({@link SyncedGroups}).
 */
public record NewGroup(
        String displayName,
        String description,
        String mailNickname,
        Boolean mailEnabled,
        Boolean securityEnabled,
        List<String> groupTypes,
        Boolean onPremisesSyncEnabled) {
}
