package org.licenselifecycle.directory.groups;

import java.util.List;

/**
 * A security group to create, with the properties and names of Graph's create body. Any field may be missing (null)
 * until {@link GroupValidation} has checked it.
 */
public record NewGroup(
        String displayName,
        String description,
        String mailNickname,
        Boolean mailEnabled,
        Boolean securityEnabled,
        List<String> groupTypes) {
}
